import { addDays } from '@throughline/domain';
import { bucketIndex, bucketPeriods } from './alignment.buckets';

const spans = (from: string, to: string, granularity: 'WEEK' | 'MONTH' | null) =>
  bucketPeriods(from, to, granularity).map(({ start, end }) => `${start}..${end}`);

describe('bucketPeriods', () => {
  it('cuts ISO weeks from Monday to Sunday, across a year end, clipped to the window', () => {
    // 31 Dec 2025 is a Wednesday; 29 Dec 2025 to 4 Jan 2026 is ISO week 1 of 2026.
    expect(spans('2025-12-31', '2026-01-13', 'WEEK')).toEqual([
      '2025-12-31..2026-01-04',
      '2026-01-05..2026-01-11',
      '2026-01-12..2026-01-13',
    ]);
    expect(spans('2026-01-04', '2026-01-04', 'WEEK')).toEqual(['2026-01-04..2026-01-04']);
  });

  it('cuts every week of a long window from Monday to Sunday, with no gap, clipped to the window', () => {
    const periods = bucketPeriods('2024-02-28', '2027-03-02', 'WEEK');
    const weekday = (day: string) => new Date(`${day}T00:00:00.000Z`).getUTCDay();
    expect(periods[0]).toEqual({ start: '2024-02-28', end: '2024-03-03' });
    expect(periods[periods.length - 1]).toEqual({ start: '2027-03-01', end: '2027-03-02' });
    periods.slice(1, -1).forEach((period, i) => {
      expect([weekday(period.start), weekday(period.end)]).toEqual([1, 0]);
      expect(period.start).toBe(addDays((periods[i] as { end: string }).end, 1));
      expect(period.end).toBe(addDays(period.start, 6));
    });
  });

  it('cuts calendar months, leap February included, clipped to the window', () => {
    expect(spans('2028-01-15', '2028-03-01', 'MONTH')).toEqual([
      '2028-01-15..2028-01-31',
      '2028-02-01..2028-02-29',
      '2028-03-01..2028-03-01',
    ]);
    expect(spans('2026-01-01', '2026-12-31', 'MONTH')).toHaveLength(12);
  });

  it('keeps the window whole without a granularity', () => {
    expect(spans('2026-01-01', '2026-12-31', null)).toEqual(['2026-01-01..2026-12-31']);
  });

  it('finds the bucket of each day of the window', () => {
    const periods = bucketPeriods('2026-01-28', '2026-02-10', 'WEEK');
    const indexOf = bucketIndex(periods, 'WEEK', '2026-01-28');
    const days = ['2026-01-28', '2026-02-01', '2026-02-02', '2026-02-08', '2026-02-10'];
    expect(days.map(indexOf)).toEqual([0, 0, 1, 1, 2]);
  });
});
