/**
 * Calendar days (YYYY-MM-DD) as plain strings: they sort lexicographically, serialise as
 * themselves and carry no time zone. Arithmetic counts days as from one UTC midnight to another.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;

/*
 * Days are read digit by digit and counted with the proleptic Gregorian calendar's arithmetic
 * (days_from_civil and civil_from_days, after Howard Hinnant), not through Date: the API checks
 * and counts thousands of days a request, and a Date and a parse each cost more than the sums.
 * local-date.properties.spec.ts holds them equal to the Date-based rules they replace.
 */

/** Any non-digit makes every sum it enters negative. */
const NOT_A_DIGIT = -1_000_000;
const digitAt = (text: string, index: number): number => {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : NOT_A_DIGIT;
};

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

/** Days since 1970-01-01 of a real day; NaN for anything else. */
const epochDayOf = (value: string): number => {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  const y = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const m = digitAt(value, 5) * 10 + digitAt(value, 6);
  const d = digitAt(value, 8) * 10 + digitAt(value, 9);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  const shifted = m <= 2 ? y - 1 : y; // years start in March, so the leap day ends one
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** True for a real calendar day: rejects 2026-02-30, 2026-13-01 and any other shape. */
export const isLocalDate = (value: unknown): value is LocalDate => typeof value === 'string' && !Number.isNaN(epochDayOf(value));

// Anything but a real day (which no caller passes) goes through Date as it always did.
const toEpochDay = (day: LocalDate): number => {
  const epochDay = epochDayOf(day);
  return Number.isNaN(epochDay) ? Date.parse(`${day}T00:00:00.000Z`) / DAY_MS : epochDay;
};

const fromEpochDay = (epochDay: number): LocalDate => {
  // Years 0001-9999 only: others have no YYYY-MM-DD spelling, and go through Date as they always did.
  if (!Number.isInteger(epochDay) || epochDay < -719_162 || epochDay > 2_932_896) {
    return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
  }
  const shifted = epochDay + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const m = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${twoDigits(m)}-${twoDigits(d)}`;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from);

export const addDays = (day: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(day) + days);

/** The UTC calendar day of an ISO instant. */
export const dayOf = (instant: string): LocalDate => new Date(instant).toISOString().slice(0, 10);

export const minDate = (a: LocalDate, b: LocalDate): LocalDate => (a <= b ? a : b);
export const maxDate = (a: LocalDate, b: LocalDate): LocalDate => (a >= b ? a : b);

/** Monday of the ISO week that holds `day`. */
export const isoWeekStart = (day: LocalDate): LocalDate => {
  const epochDay = toEpochDay(day);
  const weekday = (((epochDay + 3) % 7) + 7) % 7; // Monday = 0; 1970-01-01 was a Thursday
  return fromEpochDay(epochDay - weekday);
};

/** First day of the month that holds `day`. */
export const monthStart = (day: LocalDate): LocalDate => `${day.slice(0, 7)}-01`;

/** Last day of the month that holds `day`. */
export const monthEnd = (day: LocalDate): LocalDate => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return fromEpochDay(Date.UTC(y, m, 1) / DAY_MS - 1);
};
