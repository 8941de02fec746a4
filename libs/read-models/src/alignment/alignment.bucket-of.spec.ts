import { addDays } from '@throughline/domain';
import { bucketIndex, bucketOf, bucketPeriods } from './alignment.buckets';

describe('bucketOf', () => {
  it.each(['WEEK', 'MONTH', null] as const)('finds the bucket bucketIndex finds for every day of a window (%s)', (granularity) => {
    const [from, to] = ['2025-12-30', '2027-03-02'];
    const periods = bucketPeriods(from, to, granularity);
    const [expected, actual] = [bucketIndex(periods, granularity, from), bucketOf(periods)];
    for (let day = from; day <= to; day = addDays(day, 1)) expect(actual(day)).toBe(expected(day));
  });

  it('refuses a day outside the window', () => {
    const find = bucketOf(bucketPeriods('2026-01-28', '2026-02-10', 'WEEK'));
    expect(() => find('2026-01-27')).toThrow('outside the window');
    expect(() => find('2026-02-11')).toThrow('outside the window');
  });
});
