/**
 * Calendar days (YYYY-MM-DD) as plain strings: they sort lexicographically, serialise as
 * themselves and carry no time zone. Arithmetic goes through UTC midnight.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;

/** Days of each month in a common year; February gains one in a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number a run of ASCII digits spells, or -1 when a character is not one. */
const digits = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
};

/**
 * True for a real calendar day: rejects 2026-02-30, 2026-13-01 and any other shape. Read digit by
 * digit, with the proleptic Gregorian leap years JavaScript's Date keeps: every command checks its
 * days this way, and a pattern match with a Date per check cost a noticeable share of a command.
 */
export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1]! + (m === 2 && leap ? 1 : 0);
};

const toEpochDay = (day: LocalDate): number => Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
const fromEpochDay = (epochDay: number): LocalDate => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from);

export const addDays = (day: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(day) + days);

/** The UTC calendar day of an ISO instant. */
export const dayOf = (instant: string): LocalDate => new Date(instant).toISOString().slice(0, 10);

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/** Monday of the ISO week that holds `day`. */
export const isoWeekStart = (day: LocalDate): LocalDate => {
  const weekday = (new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
};

/** First day of the month that holds `day`. */
export const monthStart = (day: LocalDate): LocalDate => `${day.slice(0, 7)}-01`;

/** Last day of the month that holds `day`. */
export const monthEnd = (day: LocalDate): LocalDate => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return fromEpochDay(Date.UTC(y, m, 1) / DAY_MS - 1);
};
