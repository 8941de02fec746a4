import type { Period } from './alignment.buckets';
import { DAY_ACCOUNT, type ObjectiveHours, byMostHours, fromMicroHours } from './alignment.tally';
import type { AlignmentBucket, AlignmentReport } from './alignment.types';

/** The window's sums, in hours. */
export type WindowSums = Pick<AlignmentReport, 'totalHours' | 'alignedHours' | 'unalignedHours' | 'alignedShare' | 'byObjective'>;

const share = (aligned: number, total: number): number => (total === 0 ? 0 : aligned / total);

/**
 * A report's hours by bucket, in micro-hours until reported. A year by week adds up about 450
 * accounts: each objective gets a number the first time one of its accounts comes, so an account
 * costs one Map lookup and an array slot, where a Map per bucket and one for the window cost four
 * lookups of a fresh id string. The window's sums are the buckets' added up (integers, so exact).
 */
export class BucketTallies {
  private readonly numbers = new Map<string, number>();
  private readonly objectiveIds: string[] = [];
  private readonly totals: number[];
  private readonly aligned: number[];
  /** By bucket, micro-hours by objective number; a hole where the bucket has none of it. */
  private readonly credits: number[][];

  constructor(buckets: number) {
    this.totals = new Array<number>(buckets).fill(0);
    this.aligned = new Array<number>(buckets).fill(0);
    this.credits = Array.from({ length: buckets }, () => []);
  }

  /** Adds an account (see alignment.schema.ts) to a bucket: the day's hours, or an objective's credit. */
  add(bucket: number, account: string, micro: number, aligned: number): void {
    if (account === DAY_ACCOUNT) {
      (this.totals[bucket] as number) += micro;
      (this.aligned[bucket] as number) += aligned;
      return;
    }
    let number = this.numbers.get(account);
    if (number === undefined) {
      number = this.objectiveIds.length;
      this.numbers.set(account, number);
      this.objectiveIds.push(account);
    }
    const credits = this.credits[bucket] as number[];
    credits[number] = (credits[number] ?? 0) + micro;
  }

  /** A bucket's sums, over the period it covers. */
  bucket(index: number, period: Period): AlignmentBucket {
    const total = this.totals[index] as number;
    const aligned = this.aligned[index] as number;
    return {
      start: period.start,
      end: period.end,
      totalHours: fromMicroHours(total),
      alignedHours: fromMicroHours(aligned),
      alignedShare: share(aligned, total),
      byObjective: this.objectiveHours(this.credits[index] as number[]),
    };
  }

  /** The window's sums: the buckets' added up. */
  window(): WindowSums {
    let total = 0;
    let aligned = 0;
    const credits: number[] = new Array<number>(this.objectiveIds.length).fill(0);
    for (let index = 0; index < this.totals.length; index += 1) {
      total += this.totals[index] as number;
      aligned += this.aligned[index] as number;
      const bucket = this.credits[index] as number[];
      for (let number = 0; number < bucket.length; number += 1) (credits[number] as number) += bucket[number] ?? 0;
    }
    return {
      totalHours: fromMicroHours(total),
      alignedHours: fromMicroHours(aligned),
      unalignedHours: fromMicroHours(total - aligned),
      alignedShare: share(aligned, total),
      byObjective: this.objectiveHours(credits),
    };
  }

  private objectiveHours(credits: readonly (number | undefined)[]): ObjectiveHours[] {
    const kept: [id: string, micro: number][] = [];
    for (let number = 0; number < credits.length; number += 1) {
      const micro = credits[number];
      if (micro !== undefined && micro !== 0) kept.push([this.objectiveIds[number] as string, micro]);
    }
    kept.sort(byMostHours);
    return kept.map(([objectiveId, micro]) => ({ objectiveId, hours: fromMicroHours(micro) }));
  }
}
