import { visible } from './alignment.as-of';

/**
 * SQL of the alignment reader. Each builder takes the as-of instant only to choose between the
 * present form and the as-of form (which binds @asOf); values are always bound, never inlined.
 */

const IDS = (parameter: string) => `(SELECT value FROM json_each(@${parameter}))`;

export interface WorkEntriesShape {
  readonly person: boolean;
  /** 'none': entries with no activity; 'one': entries of @activityId. */
  readonly activity: 'any' | 'none' | 'one';
  readonly includeRetracted: boolean;
}

const workEntryConditions = (asOf: string | null, shape: WorkEntriesShape, window = 'w.worked_on BETWEEN @from AND @to'): string[] => {
  const conditions = ['w.pmo_id = @pmoId', window, visible('w', asOf)];
  if (shape.person) conditions.push('w.person = @person');
  if (shape.activity === 'none') conditions.push('w.activity_id IS NULL');
  if (shape.activity === 'one') conditions.push('w.activity_id = @activityId');
  if (!shape.includeRetracted) conditions.push('w.retracted = 0');
  return conditions;
};

const WORK_ENTRY_COLUMNS = `w.work_entry_id AS workEntryId, w.pmo_id AS pmoId, w.person, w.worked_on AS workedOn, w.hours,
  w.activity_id AS activityId, w.retracted`;

export const workEntriesSql = (asOf: string | null, shape: WorkEntriesShape): string =>
  `SELECT ${WORK_ENTRY_COLUMNS} FROM work_version w WHERE ${workEntryConditions(asOf, shape).join(' AND ')}
   ORDER BY w.worked_on, w.work_entry_id`;

export interface WorkEntryPageShape extends WorkEntriesShape {
  readonly after: boolean;
  readonly before: boolean;
  readonly backward: boolean;
}

/**
 * A page of current entries in (worked_on, work_entry_id) order between exclusive bounds, read
 * along work_version_pmo_day_entry_now so that it stops after @limit rows. A cursor takes the
 * place of the window's edge on its side (the caller passes only cursors inside the window): the
 * planner seeks to a row value only when no plain bound on worked_on competes with it.
 */
export const workEntryPageSql = (shape: WorkEntryPageShape): string => {
  const low = shape.after ? '(w.worked_on, w.work_entry_id) > (@afterDay, @afterId)' : 'w.worked_on >= @from';
  const high = shape.before ? '(w.worked_on, w.work_entry_id) < (@beforeDay, @beforeId)' : 'w.worked_on <= @to';
  const conditions = workEntryConditions(null, shape, `${low} AND ${high}`);
  const order = shape.backward ? 'DESC' : 'ASC';
  return `SELECT ${WORK_ENTRY_COLUMNS} FROM work_version w WHERE ${conditions.join(' AND ')}
          ORDER BY w.worked_on ${order}, w.work_entry_id ${order} LIMIT @limit`;
};

export const workEntryCountSql = (shape: WorkEntriesShape): string =>
  `SELECT COUNT(*) AS n FROM work_version w WHERE ${workEntryConditions(null, shape).join(' AND ')}`;

export const workEntrySql = (asOf: string | null): string =>
  `SELECT w.worked_on AS workedOn, w.hours, w.activity_id AS activityId, w.retracted
   FROM work_version w WHERE w.work_entry_id = @workEntryId AND ${visible('w', asOf)}`;

export const hoursByActivitySql = (asOf: string | null): string =>
  `SELECT w.activity_id AS activityId, SUM(w.hours) AS hours FROM work_version w
   WHERE w.activity_id IN ${IDS('ids')} AND w.retracted = 0 AND ${visible('w', asOf)}
   GROUP BY w.activity_id`;

export const personDayEntriesSql = (): string =>
  `SELECT w.work_entry_id AS workEntryId, w.hours AS hours FROM work_version w
   WHERE w.person = @person AND w.worked_on = @day AND w.retracted = 0 AND w.recorded_to IS NULL
   ORDER BY w.work_entry_id`;

/** Hours per (activity, day) of a PMO's window: what the crediting rule is applied to. */
export const windowWorkSql = (asOf: string | null): string =>
  `SELECT w.activity_id AS activityId, w.worked_on AS workedOn, SUM(w.hours) AS hours FROM work_version w
   WHERE w.pmo_id = @pmoId AND w.worked_on BETWEEN @from AND @to AND w.retracted = 0 AND ${visible('w', asOf)}
   GROUP BY w.activity_id, w.worked_on`;

/**
 * The accounts of a PMO's days in the window (alignment.schema.ts) as [workedOn, account, micro,
 * aligned]: now, or each one's value as of @asOf. An account last changed by then has that value
 * still, one that had no value yet is left out, and any other is found by one seek in its history.
 * With `dayOnly`, only each day's own account (its hours and aligned hours), as an organisation's
 * totals need, not the objectives' credits.
 */
export const windowAccountsSql = (asOf: string | null, dayOnly = false): string => {
  const day = dayOnly ? " AND a.account = ''" : '';
  return asOf === null
    ? `SELECT a.worked_on, a.account, a.micro, a.aligned FROM alignment_account a
       WHERE a.pmo_id = @pmoId AND a.worked_on BETWEEN @from AND @to${day}`
    : `SELECT a.worked_on, a.account, a.micro, a.aligned FROM alignment_account a
       WHERE a.pmo_id = @pmoId AND a.worked_on BETWEEN @from AND @to AND a.recorded_from <= @asOf${day}
       UNION ALL
       -- CROSS JOIN keeps the accounts as the outer loop: left to itself, the planner may walk
       -- every history row of the window instead, and seek for each of them.
       SELECT a.worked_on, a.account, h.micro, h.aligned
       FROM alignment_account a CROSS JOIN alignment_account_history h
       WHERE a.pmo_id = @pmoId AND a.worked_on BETWEEN @from AND @to${day}
         AND a.recorded_from > @asOf AND a.first_recorded <= @asOf
         AND h.pmo_id = a.pmo_id AND h.worked_on = a.worked_on AND h.account = a.account
         AND h.recorded_from = (
           SELECT MAX(x.recorded_from) FROM alignment_account_history x
           WHERE x.pmo_id = a.pmo_id AND x.worked_on = a.worked_on AND x.account = a.account
             AND x.recorded_from <= @asOf)`;
};

/**
 * As known now, each account of a PMO's days in [@from, @to] summed over them, as [account, micro,
 * aligned]: the caller asks for days that fall in one bucket, so it adds a row per account rather
 * than one per account and day.
 */
export const windowAccountSumsNowSql = (): string =>
  `SELECT a.account, SUM(a.micro), SUM(a.aligned) FROM alignment_account a
   WHERE a.pmo_id = @pmoId AND a.worked_on BETWEEN @from AND @to
   GROUP BY a.account`;

/**
 * As known now, the accounts of a PMO's whole weeks or months (@granularity) starting in
 * [@from, @to], as [startsOn, accounts packed] (alignment.schema.ts, alignment.periods.ts).
 */
export const periodAccountsSql = (): string =>
  `SELECT p.starts_on, p.accounts FROM alignment_account_period p
   WHERE p.pmo_id = @pmoId AND p.granularity = @granularity AND p.starts_on BETWEEN @from AND @to`;

/**
 * As known now, the day accounts of many PMOs' windows summed in one statement, as [pmoId, micro,
 * aligned]: one range of the primary key per PMO, read in SQLite rather than one statement each.
 */
export const windowDayTotalsNowSql = (): string =>
  `SELECT a.pmo_id, SUM(a.micro), SUM(a.aligned) FROM json_each(@pmoIds) p CROSS JOIN alignment_account a
   WHERE a.pmo_id = p.value AND a.worked_on BETWEEN @from AND @to AND a.account = ''
   GROUP BY a.pmo_id`;

/** Hours per (activity, day) of some activities, over all time. */
export const activitiesWorkSql = (asOf: string | null): string =>
  `SELECT w.activity_id AS activityId, w.worked_on AS workedOn, SUM(w.hours) AS hours FROM work_version w
   WHERE w.activity_id IN ${IDS('ids')} AND w.retracted = 0 AND ${visible('w', asOf)}
   GROUP BY w.activity_id, w.worked_on`;

const LINK_COLUMNS = `l.activity_id AS activityId, l.objective_id AS objectiveId, l.weight,
  l.effective_from AS effectiveFrom, l.ended_on AS endedOn`;

/** In the order linked, so a caller folding them sees what the activity's own fold sees. */
export const linksOfActivitiesSql = (asOf: string | null): string =>
  `SELECT ${LINK_COLUMNS} FROM link_version l
   WHERE l.activity_id IN ${IDS('ids')} AND ${visible('l', asOf)}
   ORDER BY l.activity_id, l.link_no`;

export const linksOfObjectiveSql = (asOf: string | null): string =>
  `SELECT ${LINK_COLUMNS} FROM link_version l
   WHERE l.objective_id = @objectiveId AND ${visible('l', asOf)}
   ORDER BY l.effective_from, l.activity_id, l.link_no`;

export const activitiesOfObjectivesSql = (asOf: string | null): string =>
  `SELECT DISTINCT l.activity_id AS activityId FROM link_version l
   WHERE l.objective_id IN ${IDS('ids')} AND ${visible('l', asOf)}`;

export const objectivesSql = (asOf: string | null): string =>
  `SELECT o.objective_id AS objectiveId, o.closed_on AS closedOn FROM objective_version o
   WHERE o.objective_id IN ${IDS('ids')} AND ${visible('o', asOf)}`;

const OVERLAPS_WINDOW = 'a.starts_on <= @to AND a.ends_on >= @from';
const ACTIVITY_ORDER = 'ORDER BY a.starts_on, a.activity_id';

/** See AlignmentReport.activitiesWithoutObjective. */
export const activitiesWithoutObjectiveSql = (asOf: string | null): string =>
  `SELECT a.activity_id AS id FROM activity_version a
   WHERE a.pmo_id = @pmoId AND ${visible('a', asOf)} AND a.status <> 'CANCELLED' AND ${OVERLAPS_WINDOW}
     AND NOT EXISTS (
       SELECT 1 FROM link_version l
       WHERE l.activity_id = a.activity_id AND ${visible('l', asOf)}
         AND l.effective_from <= @to AND (l.ended_on IS NULL OR l.ended_on > @from)
         AND (l.ended_on IS NULL OR l.ended_on > l.effective_from))
   ${ACTIVITY_ORDER}`;

/** See AlignmentReport.objectivesWithoutActivity. */
export const objectivesWithoutActivitySql = (asOf: string | null): string =>
  `SELECT o.objective_id AS id FROM objective_version o
   WHERE o.pmo_id = @pmoId AND ${visible('o', asOf)} AND o.status = 'ACTIVE'
     AND NOT EXISTS (
       SELECT 1 FROM link_version l
       JOIN activity_version a ON a.activity_id = l.activity_id AND ${visible('a', asOf)}
       WHERE l.objective_id = o.objective_id AND ${visible('l', asOf)} AND l.ended_on IS NULL
         AND a.status <> 'CANCELLED')
   ORDER BY o.objective_id`;

/** See AlignmentReport.idleActivities. */
export const idleActivitiesSql = (asOf: string | null): string =>
  `SELECT a.activity_id AS id FROM activity_version a
   WHERE a.pmo_id = @pmoId AND ${visible('a', asOf)} AND a.status = 'PLANNED' AND ${OVERLAPS_WINDOW}
     AND a.starts_on <= @idleTo
     AND NOT EXISTS (
       SELECT 1 FROM work_version w
       WHERE w.activity_id = a.activity_id AND w.worked_on BETWEEN @idleFrom AND @idleTo
         AND w.retracted = 0 AND ${visible('w', asOf)})
   ${ACTIVITY_ORDER}`;
