/**
 * Calendar days (YYYY-MM-DD) as plain strings: they sort lexicographically, serialise as
 * themselves and carry no time zone. Arithmetic goes through UTC midnight.
 */
export type LocalDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar day: rejects 2026-02-30, 2026-13-01 and any other shape. */
export const isLocalDate = (value: unknown): value is LocalDate => {
  if (typeof value !== 'string') return false;
  const match = PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d); // not Date.UTC, which maps years 0-99 to 1900-1999
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
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
