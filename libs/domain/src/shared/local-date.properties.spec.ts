import fc from 'fast-check';
import { addDays, daysBetween, isLocalDate, isoWeekStart } from './local-date';

// The plain reference: the same rules through Date, as they were written before the calendar
// arithmetic replaced them.
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const reference = {
  isLocalDate: (value: string): boolean => {
    const match = PATTERN.exec(value);
    if (!match) return false;
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  },
  epochDay: (day: string): number => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS,
  day: (epochDay: number): string => new Date(epochDay * DAY_MS).toISOString().slice(0, 10),
  weekday: (day: string): number => (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7,
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Days of years 0001-9999 as the parts they are written with; some parts out of range on purpose. */
const spelled = fc
  .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }) })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
/** The days where calendars go wrong: the ends of February and of months, in leap, century and other years. */
const monthEnds = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1, max: 99 }).map((c) => c * 100), fc.integer({ min: 1, max: 2499 }).map((q) => q * 4), fc.integer({ min: 1, max: 9999 })),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.constantFrom(1, 28, 29, 30, 31),
  })
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const realDay = fc.date({ min: new Date('0001-01-01T00:00:00.000Z'), max: new Date('9999-12-31T00:00:00.000Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
/** Strings near the shape: a digit replaced, a separator moved, extra or missing characters. */
const misshapen = fc.oneof(
  fc.tuple(realDay, fc.nat(9), fc.constantFrom('a', '/', ' ', '-', '٣', ':')).map(([day, at, c]) => day.slice(0, at) + c + day.slice(at + 1)),
  realDay.map((day) => `${day}T00:00:00Z`),
  realDay.map((day) => day.slice(1)),
  realDay.map((day) => ` ${day}`),
  fc.string({ maxLength: 12 }),
);

describe('local dates by calendar arithmetic, against the Date-based rules', () => {
  it('given any spelling of a day, when it is checked, then it is a real day exactly when the reference says so', () => {
    fc.assert(
      fc.property(fc.oneof(spelled, monthEnds, realDay, misshapen), (value) => {
        expect(isLocalDate(value)).toBe(reference.isLocalDate(value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('given two real days, when the days between them are counted, then the count is the reference count', () => {
    fc.assert(
      fc.property(fc.oneof(realDay, monthEnds.filter(reference.isLocalDate)), realDay, (from, to) => {
        expect(daysBetween(from, to)).toBe(reference.epochDay(to) - reference.epochDay(from));
      }),
      { numRuns: 2_000 },
    );
  });

  it('given a real day and a step that stays within 0001-9999, when it is stepped, then it lands on the reference day', () => {
    fc.assert(
      fc.property(fc.oneof(realDay, monthEnds.filter(reference.isLocalDate)), fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -800_000, max: 800_000 })), (day, step) => {
        const target = reference.epochDay(day) + step;
        fc.pre(target >= reference.epochDay('0001-01-01') && target <= reference.epochDay('9999-12-31'));
        expect(addDays(day, step)).toBe(reference.day(target));
      }),
      { numRuns: 2_000 },
    );
  });

  it('given a real day, when its ISO week is found, then the week starts on the reference Monday', () => {
    fc.assert(
      fc.property(realDay, (day) => {
        fc.pre(day >= '0001-01-08');
        expect(isoWeekStart(day)).toBe(reference.day(reference.epochDay(day) - reference.weekday(day)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps the edges of the four-digit years: 0001-01-01 and 9999-12-31, a century that is not leap and one that is', () => {
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(isLocalDate('1900-02-29')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(daysBetween('1970-01-01', '2026-12-03')).toBe(reference.epochDay('2026-12-03'));
  });
});
