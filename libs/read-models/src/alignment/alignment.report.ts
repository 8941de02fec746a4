import { addDays, maxDate, minDate } from '@throughline/domain';
import type { StatementCache } from './alignment.as-of';
import { type Period, bucketOf, bucketPeriods } from './alignment.buckets';
import { forEachPeriodAccount, splitWindow } from './alignment.periods';
import * as sql from './alignment.queries';
import { BucketTallies } from './alignment.bucket-tallies';
import type { AlignmentParams, AlignmentReport } from './alignment.types';

/** Work on an activity is idle when none was done on this many days up to the day judged. */
export const IDLE_DAYS = 14;

/**
 * Days of accounts one step reads: a quarter of a 50-person office is about 600 rows and a
 * millisecond or two, so even a ten-year window holds the event loop only that long at a time.
 */
export const STEP_DAYS = 92;

/**
 * Days of whole periods one step reads when answering now: a year by week is 52 rows, a fraction
 * of a millisecond however many objectives the office serves.
 */
export const PERIOD_STEP_DAYS = 371;

type AccountRow = [day: string, account: string, micro: number, aligned: number];

/** Runs one step of a long job when the process has time for it (see WorkTurns). */
export type Turns = <T>(step: () => T) => Promise<T>;

/**
 * The alignment report, computed in steps, each reading a stretch of the window's accounts and
 * adding them up (STEP_DAYS of day accounts as of an instant, PERIOD_STEP_DAYS of whole periods
 * now), the last also the gap lists: a report of a year now takes one step, so one turn. The
 * caller has validated the window and `today`; `at` is normalised (null for the present).
 */
export function* alignmentSteps(
  statements: StatementCache,
  params: AlignmentParams,
  at: string | null,
): Generator<void, AlignmentReport, void> {
  const { pmoId, from, to, granularity } = params;
  const mode = at !== null;
  const periods = bucketPeriods(from, to, granularity);
  const indexOf = bucketOf(periods);
  const tallies = new BucketTallies(periods.length);
  if (mode) {
    // The projection keeps each day's hours and credits (alignment.schema.ts): a few rows a day
    // are added up here, whatever number of entries they stand for. Rows come as arrays, as
    // objects would double the cost.
    const accounts = statements.raw<AccountRow>('windowAccounts:true', () => sql.windowAccountsSql(at));
    for (let start = from; start <= to; ) {
      const end = minDate(to, addDays(start, STEP_DAYS - 1));
      for (const [day, account, micro, aligned] of accounts.all({ pmoId, from: start, to: end, asOf: at })) tallies.add(indexOf(day), account, micro, aligned);
      start = addDays(end, 1);
      if (start <= to) yield;
    }
  } else {
    // Now, whole weeks (or months) are read as one row per account from the projection's sums
    // by period, each inside one bucket; only the clipped periods at the edges read days, summed
    // by account in SQLite for each bucket they fall in.
    const source = granularity ?? 'WEEK';
    const split = splitWindow(from, to, source);
    const sums = statements.raw<[account: string, micro: number, aligned: number]>('windowAccountSums', sql.windowAccountSumsNowSql);
    for (const [first, last] of split.days) {
      for (let bucket = indexOf(first), lastBucket = indexOf(last); bucket <= lastBucket; bucket++) {
        const period = periods[bucket] as Period;
        const range = { pmoId, from: maxDate(first, period.start), to: minDate(last, period.end) };
        for (const [account, micro, aligned] of sums.all(range)) tallies.add(bucket, account, micro, aligned);
      }
    }
    if (split.whole !== null) {
      const periodAccounts = statements.raw<[startsOn: string, packed: string]>('periodAccounts', sql.periodAccountsSql);
      for (let start = split.whole.first; start <= split.whole.last; ) {
        const end = minDate(split.whole.last, addDays(start, PERIOD_STEP_DAYS - 1));
        for (const [startsOn, packed] of periodAccounts.all({ pmoId, granularity: source, from: start, to: end })) {
          const bucket = indexOf(startsOn);
          forEachPeriodAccount(packed, (account, micro, aligned) => tallies.add(bucket, account, micro, aligned));
        }
        start = addDays(end, 1);
        if (start <= split.whole.last) yield;
      }
    }
  }

  const idleTo = minDate(to, params.today);
  const ids = (key: string, build: (asOf: string | null) => string, extra: Record<string, unknown> = {}) =>
    statements
      .get<{ id: string }>(`${key}:${mode}`, () => build(at))
      .all({ pmoId, from, to, asOf: at, ...extra })
      .map((row) => row.id);

  const whole = tallies.window();
  return {
    totalHours: whole.totalHours,
    alignedHours: whole.alignedHours,
    unalignedHours: whole.unalignedHours,
    alignedShare: whole.alignedShare,
    buckets: periods.map((period, index) => tallies.bucket(index, period)),
    byObjective: whole.byObjective,
    activitiesWithoutObjective: ids('activitiesWithoutObjective', sql.activitiesWithoutObjectiveSql),
    objectivesWithoutActivity: ids('objectivesWithoutActivity', sql.objectivesWithoutActivitySql),
    idleActivities: ids('idleActivities', sql.idleActivitiesSql, { idleFrom: addDays(idleTo, -(IDLE_DAYS - 1)), idleTo }),
  };
}
