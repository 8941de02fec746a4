import { addDays, isoWeekStart, maxDate, minDate, monthEnd, monthStart } from '@throughline/domain';

/** WEEK: ISO weeks, Monday to Sunday. MONTH: calendar months. */
export type Granularity = 'WEEK' | 'MONTH';

/** Inclusive days. */
export interface Period {
  readonly start: string;
  readonly end: string;
}

const periodStart = (day: string, granularity: Granularity | null, from: string): string => {
  if (granularity === null) return from;
  return maxDate(from, granularity === 'WEEK' ? isoWeekStart(day) : monthStart(day));
};

const periodEnd = (day: string, granularity: Granularity | null, to: string): string => {
  if (granularity === null) return to;
  return minDate(to, granularity === 'WEEK' ? addDays(isoWeekStart(day), 6) : monthEnd(day));
};

/**
 * The buckets of [from, to] with no gap and no overlap, the first and last clipped to the window,
 * so that every day of the window falls in exactly one. Null granularity: the window as one bucket.
 */
export const bucketPeriods = (from: string, to: string, granularity: Granularity | null): Period[] => {
  if (granularity === 'WEEK') return weekPeriods(from, to);
  const periods: Period[] = [];
  for (let start = from; start <= to; ) {
    const end = periodEnd(start, granularity, to);
    periods.push({ start, end });
    start = addDays(end, 1);
  }
  return periods;
};

/** bucketPeriods by ISO week: each bucket runs to its Sunday, or to the window's end. */
const weekPeriods = (from: string, to: string): Period[] => {
  const periods: Period[] = [];
  for (let start = from; start <= to; ) {
    const end = minDate(to, addDays(isoWeekStart(start), 6));
    periods.push({ start, end });
    start = addDays(end, 1);
  }
  return periods;
};

/** Finds the bucket a day of the window falls in, by the start that bucketPeriods gave it. */
export const bucketIndex = (periods: readonly Period[], granularity: Granularity | null, from: string) => {
  const byStart = new Map(periods.map((period, index) => [period.start, index]));
  const cache = new Map<string, number>();
  return (day: string): number => {
    let index = cache.get(day);
    if (index === undefined) {
      index = byStart.get(periodStart(day, granularity, from));
      if (index === undefined) throw new Error(`${day} lies outside the window starting ${from}`);
      cache.set(day, index);
    }
    return index;
  };
};

/**
 * The same lookup as bucketIndex by a binary search on the periods' ends: no date arithmetic per
 * day, which counts when a report adds up thousands of day rows.
 */
export const bucketOf = (periods: readonly Period[]) => {
  const first = periods[0]?.start;
  const last = periods[periods.length - 1]?.end;
  return (day: string): number => {
    if (first === undefined || last === undefined || day < first || day > last) {
      throw new Error(`${day} lies outside the window ${first}..${last}`);
    }
    let low = 0;
    let high = periods.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((periods[middle] as Period).end < day) low = middle + 1;
      else high = middle;
    }
    return low;
  };
};
