import type { Database, Statement } from 'better-sqlite3';
import { addDays, isoWeekStart, monthEnd, monthStart } from '@throughline/domain';
import type { Granularity } from './alignment.buckets';

/** A period alignment_account_period sums (alignment.schema.ts). */
const periodStart = (granularity: Granularity, day: string): string => (granularity === 'WEEK' ? isoWeekStart(day) : monthStart(day));
const periodEnd = (granularity: Granularity, day: string): string =>
  granularity === 'WEEK' ? addDays(isoWeekStart(day), 6) : monthEnd(day);

/**
 * A period's accounts as alignment_account_period stores them: one flat array, each account as
 * three items in a row (account, micro, aligned), ordered by account. Flat rather than an array per
 * account: a year by week parses 52 arrays instead of about 500, nearly half the time.
 */
export type PackedAccounts = (string | number)[];

/** Calls `each` with every account of a packed period, in the stored order. */
export const forEachPeriodAccount = (packed: string, each: (account: string, micro: number, aligned: number) => void): void => {
  const items = JSON.parse(packed) as PackedAccounts;
  for (let at = 0; at < items.length; at += 3) each(items[at] as string, items[at + 1] as number, items[at + 2] as number);
};

/**
 * A period's accounts in the one form they are stored in: ordered by account, and without those
 * that add up to nothing, so the same sums make the same row whatever order the changes came in.
 */
export const packPeriodAccounts = (accounts: ReadonlyMap<string, readonly [micro: number, aligned: number]>): string | null => {
  const kept = [...accounts].filter(([, [micro, aligned]]) => micro !== 0 || aligned !== 0);
  if (kept.length === 0) return null;
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const items: PackedAccounts = [];
  for (const [account, [micro, aligned]] of kept) items.push(account, micro, aligned);
  return JSON.stringify(items);
};

interface PeriodKey {
  readonly pmoId: string;
  readonly granularity: Granularity;
  readonly startsOn: string;
}

interface PeriodDeltas {
  readonly key: PeriodKey;
  /** By account: [micro, aligned] to add. */
  readonly accounts: Map<string, [number, number]>;
}

/**
 * A batch's changes to day accounts, added up per week and month, and added at the flush to the
 * period's row: the sums stay exact (integer micro-hours) whatever order the changes come in.
 */
export class PeriodLedger {
  private readonly deltas = new Map<string, PeriodDeltas>();
  private readonly read: Statement<[PeriodKey], string>;
  private readonly write: Statement<[PeriodKey & { accounts: string }]>;
  private readonly remove: Statement<[PeriodKey]>;
  /** A rebuild posts to the same few days over and over: their weeks are worked out once. */
  private readonly weeks = new Map<string, string>();

  constructor(db: Database) {
    const key = 'pmo_id = @pmoId AND granularity = @granularity AND starts_on = @startsOn';
    this.read = db.prepare<[PeriodKey], string>(`SELECT accounts FROM alignment_account_period WHERE ${key}`).pluck();
    this.write = db.prepare(
      `INSERT INTO alignment_account_period (pmo_id, granularity, starts_on, accounts) VALUES (@pmoId, @granularity, @startsOn, @accounts)
       ON CONFLICT (pmo_id, granularity, starts_on) DO UPDATE SET accounts = excluded.accounts`,
    );
    this.remove = db.prepare(`DELETE FROM alignment_account_period WHERE ${key}`);
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
    for (const { key, accounts: deltas } of this.deltas.values()) {
      const stored = this.read.get(key);
      const accounts = new Map<string, readonly [number, number]>();
      if (stored !== undefined) forEachPeriodAccount(stored, (account, micro, aligned) => accounts.set(account, [micro, aligned]));
      for (const [account, [micro, aligned]] of deltas) {
        const [was, wasAligned] = accounts.get(account) ?? [0, 0];
        accounts.set(account, [was + micro, wasAligned + aligned]);
      }
      const packed = packPeriodAccounts(accounts);
      if (packed !== null) this.write.run({ ...key, accounts: packed });
      else if (stored !== undefined) this.remove.run(key);
    }
    this.deltas.clear();
  }

  clear(): void {
    this.deltas.clear();
  }

  private post(pmoId: string, granularity: Granularity, startsOn: string, account: string, micro: number, aligned: number): void {
    const id = `${pmoId}\u0000${granularity}\u0000${startsOn}`;
    let period = this.deltas.get(id);
    if (!period) {
      period = { key: { pmoId, granularity, startsOn }, accounts: new Map() };
      this.deltas.set(id, period);
    }
    const delta = period.accounts.get(account);
    if (delta) {
      delta[0] += micro;
      delta[1] += aligned;
    } else {
      period.accounts.set(account, [micro, aligned]);
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
