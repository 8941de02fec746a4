import type { Database, Statement } from 'better-sqlite3';
import { addDays, isoWeekStart, monthEnd, monthStart } from '@throughline/domain';
import type { Granularity } from './alignment.buckets';

/** A period alignment_account_period sums (alignment.schema.ts). */
const periodStart = (granularity: Granularity, day: string): string => (granularity === 'WEEK' ? isoWeekStart(day) : monthStart(day));
const periodEnd = (granularity: Granularity, day: string): string =>
  granularity === 'WEEK' ? addDays(isoWeekStart(day), 6) : monthEnd(day);

interface PeriodDelta {
  readonly pmoId: string;
  readonly granularity: Granularity;
  readonly startsOn: string;
  readonly account: string;
  micro: number;
  aligned: number;
}

/**
 * A batch's changes to day accounts, added up per week and month, and written as increments at
 * the flush: the sums stay exact (integer micro-hours) whatever order the changes come in.
 */
export class PeriodLedger {
  private readonly deltas = new Map<string, PeriodDelta>();
  private readonly add: Statement<[PeriodDelta]>;
  /** A rebuild posts to the same few days over and over: their weeks are worked out once. */
  private readonly weeks = new Map<string, string>();

  constructor(db: Database) {
    this.add = db.prepare(
      `INSERT INTO alignment_account_period (pmo_id, granularity, starts_on, account, micro, aligned)
       VALUES (@pmoId, @granularity, @startsOn, @account, @micro, @aligned)
       ON CONFLICT (pmo_id, granularity, starts_on, account)
       DO UPDATE SET micro = micro + excluded.micro, aligned = aligned + excluded.aligned`,
    );
  }

  change(pmoId: string, workedOn: string, account: string, micro: number, aligned: number): void {
    let week = this.weeks.get(workedOn);
    if (week === undefined) {
      week = isoWeekStart(workedOn);
      this.weeks.set(workedOn, week);
    }
    this.post(pmoId, 'WEEK', week, account, micro, aligned);
    this.post(pmoId, 'MONTH', monthStart(workedOn), account, micro, aligned);
  }

  flush(): void {
    for (const delta of this.deltas.values()) if (delta.micro !== 0 || delta.aligned !== 0) this.add.run(delta);
    this.deltas.clear();
  }

  clear(): void {
    this.deltas.clear();
  }

  private post(pmoId: string, granularity: Granularity, startsOn: string, account: string, micro: number, aligned: number): void {
    const key = `${pmoId}\u0000${granularity}\u0000${startsOn}\u0000${account}`;
    const delta = this.deltas.get(key);
    if (delta) {
      delta.micro += micro;
      delta.aligned += aligned;
    } else {
      this.deltas.set(key, { pmoId, granularity, startsOn, account, micro, aligned });
    }
  }
}

/**
 * How a window [from, to] splits for reading: the whole periods of `granularity` it holds,
 * [first, last] (null when it holds none), and the days around them, read from day accounts.
 */
export interface WindowSplit {
  readonly whole: { readonly first: string; readonly last: string } | null;
  /** Inclusive day ranges outside the whole periods, at most two. */
  readonly days: readonly (readonly [string, string])[];
}

export const splitWindow = (from: string, to: string, granularity: Granularity): WindowSplit => {
  const first = periodStart(granularity, from) === from ? from : addDays(periodEnd(granularity, from), 1);
  const last = periodEnd(granularity, to) === to ? to : addDays(periodStart(granularity, to), -1);
  if (first > last) return { whole: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < first) days.push([from, addDays(first, -1)]);
  if (last < to) days.push([addDays(last, 1), to]);
  return { whole: { first, last }, days };
};
