import type { Database } from 'better-sqlite3';
import { isLocalDate } from '@throughline/domain';
import { ReadModelDb } from '../read-model-db';
import { type AsOf, StatementCache, normaliseAsOf } from './alignment.as-of';
import { type Turns, alignmentSteps } from './alignment.report';
import * as sql from './alignment.queries';
import { Crediting, DAY_ACCOUNT, HoursTally, type LinkRow, fromMicroHours, toMicroHours } from './alignment.tally';
import type {
  AlignmentParams,
  AlignmentReport,
  WorkEntryCredits,
  WorkEntryFilter,
  WorkEntryPageRange,
  WindowTotals,
  WorkEntryRow,
} from './alignment.types';

interface DayHours {
  activityId: string | null;
  workedOn: string;
  hours: number;
}

const day = (field: string, value: string): string => {
  if (!isLocalDate(value)) throw new RangeError(`${field} ${value} is not a calendar day (YYYY-MM-DD)`);
  return value;
};

const window = (from: string, to: string): void => {
  day('from', from);
  day('to', to);
  if (from > to) throw new RangeError(`from ${from} is after to ${to}`);
};

const rounded = (hours: number): number => fromMicroHours(toMicroHours(hours));

/**
 * Queries over the alignment projection. Every method answering with `asOf` answers exactly what
 * it would have answered at that recorded instant; without it (or with null), the present.
 */
export class AlignmentReader {
  private readonly statements: StatementCache;
  /** Set when the reader shares the read models' connection, whose turn snapshot a step reads in. */
  private readonly readModels: ReadModelDb | null;

  /** The alignment tables must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    this.readModels = db instanceof ReadModelDb ? db : null;
    this.statements = new StatementCache(db instanceof ReadModelDb ? db.connection : db);
  }

  /** Ordered by workedOn, then workEntryId. */
  workEntries(filter: WorkEntryFilter, asOf?: AsOf): WorkEntryRow[] {
    window(filter.from, filter.to);
    const at = normaliseAsOf(asOf);
    const shape = this.shapeOf(filter);
    const key = `workEntries:${at !== null}:${shape.person}:${shape.activity}:${shape.includeRetracted}`;
    const rows = this.statements
      .get<Omit<WorkEntryRow, 'retracted'> & { retracted: number }>(key, () => sql.workEntriesSql(at, shape))
      .all({ ...filter, asOf: at });
    return rows.map((row) => ({ ...row, retracted: row.retracted === 1 }));
  }

  /**
   * A page of the present's entries in the order `workEntries` answers (workedOn, then id): at
   * most `range.limit` strictly between the bounds, nearest the start of the direction first.
   */
  workEntryPage(filter: WorkEntryFilter, range: WorkEntryPageRange): WorkEntryRow[] {
    window(filter.from, filter.to);
    if (!Number.isInteger(range.limit) || range.limit < 1) throw new RangeError(`limit must be a positive integer, got ${range.limit}`);
    // A cursor outside the window bounds nothing the window does not: the window's edge serves.
    const after = range.after !== null && range.after[0] >= filter.from ? range.after : null;
    const before = range.before !== null && range.before[0] <= filter.to ? range.before : null;
    const shape: sql.WorkEntryPageShape = {
      ...this.shapeOf(filter),
      after: after !== null,
      before: before !== null,
      backward: range.direction === 'backward',
    };
    const key = `workEntryPage:${JSON.stringify(shape)}`;
    const rows = this.statements
      .get<Omit<WorkEntryRow, 'retracted'> & { retracted: number }>(key, () => sql.workEntryPageSql(shape))
      .all({
        ...filter,
        limit: range.limit,
        afterDay: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        beforeDay: before?.[0] ?? null,
        beforeId: before?.[1] ?? null,
      });
    return rows.map((row) => ({ ...row, retracted: row.retracted === 1 }));
  }

  /** How many of the present's entries the filter lets through. */
  workEntryCount(filter: WorkEntryFilter): number {
    window(filter.from, filter.to);
    const shape = this.shapeOf(filter);
    const row = this.statements.get<{ n: number }>(`workEntryCount:${JSON.stringify(shape)}`, () => sql.workEntryCountSql(shape)).get({ ...filter });
    return row?.n ?? 0;
  }

  private shapeOf(filter: WorkEntryFilter): sql.WorkEntriesShape {
    return {
      person: filter.person !== undefined,
      activity: filter.activityId === undefined ? 'any' : filter.activityId === null ? 'none' : 'one',
      includeRetracted: filter.includeRetracted === true,
    };
  }

  /** Non-retracted hours per activity, 0 for an activity with none. */
  hoursLoggedByActivity(activityIds: readonly string[], asOf?: AsOf): Map<string, number> {
    const at = normaliseAsOf(asOf);
    const hours = new Map(activityIds.map((id) => [id, 0]));
    if (activityIds.length === 0) return hours;
    const rows = this.statements
      .get<{ activityId: string; hours: number }>(`hoursByActivity:${at !== null}`, () => sql.hoursByActivitySql(at))
      .all({ ids: JSON.stringify(activityIds), asOf: at });
    for (const row of rows) hours.set(row.activityId, rounded(row.hours));
    return hours;
  }

  /**
   * A person's non-retracted entries on a day across every PMO, now, by id: the opening balance of
   * a day whose hours were logged before the day kept its own total (the 24-hour rule).
   */
  personDayEntries(person: string, workedOn: string): { workEntryId: string; hours: number }[] {
    return this.statements
      .get<{ workEntryId: string; hours: number }>('personDayEntries', sql.personDayEntriesSql)
      .all({ person, day: day('day', workedOn) });
  }

  /** Hours credited to each objective over all time, aligned or not; 0 for one with none. */
  hoursInvestedByObjective(objectiveIds: readonly string[], asOf?: AsOf): Map<string, number> {
    const at = normaliseAsOf(asOf);
    const invested = new Map(objectiveIds.map((id) => [id, 0]));
    if (objectiveIds.length === 0) return invested;
    const activityIds = this.statements
      .get<{ activityId: string }>(`activitiesOfObjectives:${at !== null}`, () => sql.activitiesOfObjectivesSql(at))
      .all({ ids: JSON.stringify(objectiveIds), asOf: at })
      .map((row) => row.activityId);
    if (activityIds.length === 0) return invested;
    const ids = JSON.stringify(activityIds);
    const crediting = this.crediting(activityIds, at);
    const groups = this.statements
      .get<DayHours>(`activitiesWork:${at !== null}`, () => sql.activitiesWorkSql(at))
      .all({ ids, asOf: at });
    const micro = new Map<string, number>();
    for (const group of groups) {
      const { credits } = crediting.credit(group.activityId, group.workedOn, toMicroHours(group.hours));
      for (const credit of credits) micro.set(credit.objectiveId, (micro.get(credit.objectiveId) ?? 0) + credit.micro);
    }
    for (const id of objectiveIds) invested.set(id, fromMicroHours(micro.get(id) ?? 0));
    return invested;
  }

  /** Every period of the objective's links visible at the instant, ended ones included. */
  linksOfObjective(objectiveId: string, asOf?: AsOf): LinkRow[] {
    const at = normaliseAsOf(asOf);
    return this.statements
      .get<LinkRow>(`linksOfObjective:${at !== null}`, () => sql.linksOfObjectiveSql(at))
      .all({ objectiveId, asOf: at });
  }

  /** Every period of the activity's links visible at the instant, ended ones included, in link order. */
  linksOfActivity(activityId: string, asOf?: AsOf): LinkRow[] {
    return this.linksOfActivities([activityId], normaliseAsOf(asOf));
  }

  /** null when the entry did not exist at the instant. */
  creditsOfWorkEntry(workEntryId: string, asOf?: AsOf): WorkEntryCredits | null {
    const at = normaliseAsOf(asOf);
    const entry = this.statements
      .get<{ workedOn: string; hours: number; activityId: string | null; retracted: number }>(
        `workEntry:${at !== null}`,
        () => sql.workEntrySql(at),
      )
      .get({ workEntryId, asOf: at });
    if (!entry) return null;
    const micro = toMicroHours(entry.hours);
    const activityIds = entry.activityId === null ? [] : [entry.activityId];
    const { credits, aligned } = this.crediting(activityIds, at).credit(entry.activityId, entry.workedOn, micro);
    return {
      credits: credits.map((credit) => ({ objectiveId: credit.objectiveId, hours: fromMicroHours(credit.micro) })),
      aligned,
      activityId: entry.activityId,
      workedOn: entry.workedOn,
      hours: fromMicroHours(micro),
      retracted: entry.retracted === 1,
    };
  }

  /**
   * Hours of the PMO's work in [from, to], aligned or not, per bucket and per objective, and the
   * gaps of the purpose chain; see AlignmentReport for the exact definitions.
   */
  alignment(params: AlignmentParams, asOf?: AsOf): AlignmentReport {
    const steps = this.alignmentSteps(params, asOf);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * Each PMO's hours in [from, to] and the aligned ones, from the same day accounts the report
   * adds up (so they equal its totals to the micro-hour), without its credits per objective or
   * its gap lists: what an organisation-wide summary needs of every PMO. Lined up with `pmoIds`.
   */
  windowTotals(pmoIds: readonly string[], from: string, to: string, asOf?: AsOf): WindowTotals[] {
    window(from, to);
    const at = normaliseAsOf(asOf);
    const tallies = new Map(pmoIds.map((pmoId) => [pmoId, new HoursTally()]));
    if (at === null) {
      const totals = this.statements.raw<[string, number, number]>('windowDayTotalsNow', sql.windowDayTotalsNowSql);
      for (const [pmoId, micro, aligned] of totals.all({ pmoIds: JSON.stringify(pmoIds), from, to })) tallies.get(pmoId)?.addAccount(DAY_ACCOUNT, micro, aligned);
    } else {
      // As of an instant each account's value is sought in its history: the report's own statement, PMO by PMO.
      const accounts = this.statements.raw<[string, string, number, number]>('windowDayAccounts:true', () => sql.windowAccountsSql(at, true));
      for (const [pmoId, tally] of tallies) {
        for (const [, account, micro, aligned] of accounts.all({ pmoId, from, to, asOf: at })) tally.addAccount(account, micro, aligned);
      }
    }
    return pmoIds.map((pmoId) => {
      const tally = tallies.get(pmoId) as HoursTally;
      return { totalHours: fromMicroHours(tally.total), alignedHours: fromMicroHours(tally.aligned), alignedShare: tally.alignedShare };
    });
  }

  /**
   * The same report, computed a stretch of the window at a time, each stretch in a turn `turns`
   * gives it: a long window never holds the event loop for long.
   */
  async alignmentInTurns(params: AlignmentParams, asOf: AsOf, turns: Turns): Promise<AlignmentReport> {
    const steps = this.alignmentSteps(params, asOf);
    // A step's statements (its stretch of accounts, and the gap lists with the last) read one
    // snapshot, however many requests' steps the turn holds (ReadModelDb.holdReadSnapshot).
    const next = () => {
      this.readModels?.holdReadSnapshot();
      return steps.next();
    };
    let step = await turns(next);
    while (!step.done) step = await turns(next);
    return step.value;
  }

  /** Checks the window and the day at once, before any step runs. */
  private alignmentSteps(params: AlignmentParams, asOf: AsOf): Generator<void, AlignmentReport, void> {
    window(params.from, params.to);
    day('today', params.today);
    return alignmentSteps(this.statements, params, normaliseAsOf(asOf));
  }

  private linksOfActivities(activityIds: readonly string[], at: string | null): LinkRow[] {
    if (activityIds.length === 0) return [];
    return this.statements
      .get<LinkRow>(`linksOfActivities:${at !== null}`, () => sql.linksOfActivitiesSql(at))
      .all({ ids: JSON.stringify(activityIds), asOf: at });
  }

  /** The links of the activities and the closing day of every objective they name, at the instant. */
  private crediting(activityIds: readonly string[], at: string | null): Crediting {
    const links = this.linksOfActivities(activityIds, at);
    const objectiveIds = [...new Set(links.map((link) => link.objectiveId))];
    const closedOn = new Map<string, string | null>();
    if (objectiveIds.length > 0) {
      const rows = this.statements
        .get<{ objectiveId: string; closedOn: string | null }>(`objectives:${at !== null}`, () => sql.objectivesSql(at))
        .all({ ids: JSON.stringify(objectiveIds), asOf: at });
      for (const row of rows) closedOn.set(row.objectiveId, row.closedOn);
    }
    return new Crediting(links, closedOn);
  }
}
