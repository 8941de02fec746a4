import fc from 'fast-check';
import { addDays, type LocalDate } from '../shared/local-date';
import { periodEndCount, periodEnds, TREND_GRANULARITIES, type TrendGranularity } from './objective.trend';

const BASE = '2023-06-01';
const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays(BASE, n));
const granularity = fc.constantFrom<TrendGranularity>(...TREND_GRANULARITIES);

/**
 * The period ends the plain way, one calendar day at a time: a Sunday ends a week (by the
 * JavaScript calendar, not the ISO arithmetic the code uses), the day before the 1st ends a
 * month, and `to` is the last point whatever it is.
 */
const reference = (from: LocalDate, to: LocalDate, by: TrendGranularity): LocalDate[] => {
  const ends: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const endsPeriod = by === 'WEEK' ? new Date(`${d}T12:00:00Z`).getUTCDay() === 0 : addDays(d, 1).endsWith('-01');
    if (endsPeriod || d === to) ends.push(d);
  }
  return ends;
};

describe('the days a trend is drawn on', () => {
  it('given any window and granularity, then they are exactly the period ends in it, and `to` last, counted without listing them', () => {
    fc.assert(
      fc.property(day, day, granularity, (a, b, by) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const expected = reference(from, to, by);

        expect(periodEnds(from, to, by)).toEqual(expected);
        expect(periodEndCount(from, to, by)).toBe(expected.length);
      }),
      { numRuns: 400 },
    );
  });

  it('given a window that ends before it starts, then there are none', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), granularity, (to, gap, by) => {
        expect(periodEnds(addDays(to, gap), to, by)).toEqual([]);
        expect(periodEndCount(addDays(to, gap), to, by)).toBe(0);
      }),
    );
  });
});
