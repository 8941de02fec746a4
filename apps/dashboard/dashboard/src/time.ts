/**
 * Days are the service's: UTC calendar days, as `LocalDate` arguments are judged. Instants the
 * person picks are in their own time zone (a datetime-local control) and travel as UTC ISO strings.
 */

export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
};

const pad = (value: number) => String(value).padStart(2, '0');

/** The value a datetime-local control shows for an instant, in the browser's time zone, to the second. */
export const toLocalInputValue = (instant: Date): string =>
  `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}` +
  `T${pad(instant.getHours())}:${pad(instant.getMinutes())}:${pad(instant.getSeconds())}`;

/** The instant a datetime-local value names in the browser's time zone; null when it names none. */
export const fromLocalInputValue = (value: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const instant = new Date(year!, month! - 1, day!, hour!, minute!, second!);
  // The Date constructor rolls 31 April over into May; a value that rolled over names no instant.
  return instant.getMonth() === month! - 1 && instant.getDate() === day! ? instant : null;
};

/** The end of an objective's trend: its due day, or the day shown if that comes first. */
export const trendEnd = (dueOn: string, shownDay: string): string => (dueOn < shownDay ? dueOn : shownDay);

/** The first day of a window of whole weeks ending on `day`. */
export const weeksBefore = (day: string, weeks: number): string => addDays(day, -7 * weeks + 1);
