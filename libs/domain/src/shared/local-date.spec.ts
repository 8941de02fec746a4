import { addDays, daysBetween, isLocalDate, isoWeekStart, monthEnd, monthStart } from './local-date';

describe('local dates', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '0001-01-01'])('accepts the real day %s', (day) => {
    expect(isLocalDate(day)).toBe(true);
  });

  it('agrees with the calendar of Date on every day of 400 years and on near misses', () => {
    const viaDate = (day: string) => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      const date = new Date(0);
      date.setUTCFullYear(y, m - 1, d);
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    };
    const differing: string[] = [];
    for (const y of [1, 4, 100, 1600, 1700, 1900, 2000, 2024, 2025, 2100, 2400, 9999]) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 32; d++) {
          const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (isLocalDate(day) !== viaDate(day)) differing.push(day);
        }
      }
    }
    expect(differing).toEqual([]);
    for (const value of ['2026-01-0a', '2026/01/01', '2026-01-01\n', ' 2026-01-01', '2026-01--1', '+026-01-01', '0000-01-01']) {
      expect(isLocalDate(value)).toBe(false);
    }
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-01T00:00:00Z', '', 20260101])(
    'refuses %p',
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('finds the Monday of an ISO week and the bounds of a month', () => {
    expect(isoWeekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(isoWeekStart('2026-11-16')).toBe('2026-11-16'); // a Monday
    expect(monthStart('2026-02-17')).toBe('2026-02-01');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-12-05')).toBe('2026-12-31');
  });
});
