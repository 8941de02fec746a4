import { daysBetween } from '@throughline/domain';
import { InputError } from './app-errors';

/** About ten years: enough for any plan period, small enough that one answer stays cheap. */
export const MAX_WINDOW_DAYS = 3660;

/** A from..to window of days (inclusive) that a report can answer. */
export const requireWindow = (from: string, to: string): void => {
  if (from > to) throw new InputError('to', `to (${to}) is before from (${from})`);
  if (daysBetween(from, to) > MAX_WINDOW_DAYS) throw new InputError('to', `a window spans at most ${MAX_WINDOW_DAYS} days`);
};
