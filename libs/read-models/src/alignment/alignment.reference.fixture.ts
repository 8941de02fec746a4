import type { Database } from 'better-sqlite3';
import { addDays, minDate } from '@throughline/domain';
import { type AsOf, StatementCache, normaliseAsOf } from './alignment.as-of';
import { bucketIndex, bucketPeriods } from './alignment.buckets';
import * as sql from './alignment.queries';
import { IDLE_DAYS } from './alignment.report';
import { Crediting, HoursTally, type LinkRow, fromMicroHours, toMicroHours } from './alignment.tally';
import type { AlignmentParams, AlignmentReport } from './alignment.types';

interface DayHours {
  activityId: string | null;
  workedOn: string;
  hours: number;
}

const caches = new WeakMap<Database, StatementCache>();
const cacheOf = (db: Database): StatementCache => {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new StatementCache(db)));
  return cache;
};

/**
 * The alignment report computed entry by entry from the versioned facts, as the reader did before
 * it kept credited hours: the hours of each (activity, day) of the window, summed by SQLite, each
 * group credited by the rule with the links and closings visible at the instant. Specs compare the
 * reader's answers with this one.
 */
export const referenceAlignment = (db: Database, params: AlignmentParams, asOf?: AsOf): AlignmentReport => {
  const statements = cacheOf(db);
  const { pmoId, from, to, granularity } = params;
  const at = normaliseAsOf(asOf);
  const mode = at !== null;
  const windowParams = { pmoId, from, to, asOf: at };

  const groups = statements.get<DayHours>(`windowWork:${mode}`, () => sql.windowWorkSql(at)).all(windowParams);
  const activityIds = [...new Set(groups.flatMap((group) => (group.activityId === null ? [] : [group.activityId])))];
  const links =
    activityIds.length === 0
      ? []
      : statements
          .get<LinkRow>(`links:${mode}`, () => sql.linksOfActivitiesSql(at))
          .all({ ids: JSON.stringify(activityIds), asOf: at });
  const objectiveIds = [...new Set(links.map((link) => link.objectiveId))];
  const closedOn = new Map<string, string | null>();
  if (objectiveIds.length > 0) {
    const rows = statements
      .get<{ objectiveId: string; closedOn: string | null }>(`objectives:${mode}`, () => sql.objectivesSql(at))
      .all({ ids: JSON.stringify(objectiveIds), asOf: at });
    for (const row of rows) closedOn.set(row.objectiveId, row.closedOn);
  }
  const crediting = new Crediting(links, closedOn);

  const periods = bucketPeriods(from, to, granularity);
  const indexOf = bucketIndex(periods, granularity, from);
  const whole = new HoursTally();
  const tallies = periods.map(() => new HoursTally());
  for (const group of groups) {
    const micro = toMicroHours(group.hours);
    const credited = crediting.credit(group.activityId, group.workedOn, micro);
    whole.add(micro, credited);
    (tallies[indexOf(group.workedOn)] as HoursTally).add(micro, credited);
  }

  const idleTo = minDate(to, params.today);
  const ids = (key: string, build: (asOf: string | null) => string, extra: Record<string, unknown> = {}) =>
    statements
      .get<{ id: string }>(`${key}:${mode}`, () => build(at))
      .all({ ...windowParams, ...extra })
      .map((row) => row.id);

  return {
    totalHours: fromMicroHours(whole.total),
    alignedHours: fromMicroHours(whole.aligned),
    unalignedHours: fromMicroHours(whole.total - whole.aligned),
    alignedShare: whole.alignedShare,
    buckets: periods.map((period, index) => {
      const tally = tallies[index] as HoursTally;
      return {
        start: period.start,
        end: period.end,
        totalHours: fromMicroHours(tally.total),
        alignedHours: fromMicroHours(tally.aligned),
        alignedShare: tally.alignedShare,
        byObjective: tally.objectiveHours(),
      };
    }),
    byObjective: whole.objectiveHours(),
    activitiesWithoutObjective: ids('activitiesWithoutObjective', sql.activitiesWithoutObjectiveSql),
    objectivesWithoutActivity: ids('objectivesWithoutActivity', sql.objectivesWithoutActivitySql),
    idleActivities: ids('idleActivities', sql.idleActivitiesSql, { idleFrom: addDays(idleTo, -(IDLE_DAYS - 1)), idleTo }),
  };
};
