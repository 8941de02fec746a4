import { badInput } from '../shared/domain-error';
import { isLocalDate, type LocalDate } from '../shared/local-date';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const METRIC_NAME_MAX = 200;
export const METRIC_UNIT_MAX = 50;
export const OWNER_MAX = 200;
export const REASON_MAX = 2000;
export const NOTE_MAX = 2000;

// Length is counted in code points so that an emoji counts as one character.
const length = (text: string): number => [...text].length;

/** Trimmed, non-blank text of at most `max` characters. */
export const requiredText = (field: string, value: unknown, max: number): string => {
  if (typeof value !== 'string') throw badInput(field, `${field} must be text`);
  const text = value.trim();
  if (text.length === 0) throw badInput(field, `${field} must not be blank`);
  if (length(text) > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
};

/** Like requiredText, but null, absent or blank text is recorded as null. */
export const optionalText = (field: string, value: unknown, max: number): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return requiredText(field, value, max);
};

/** NaN and the infinities cannot be stored as JSON and mean nothing as a measure. */
export const finiteNumber = (field: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput(field, `${field} must be a finite number`);
  return value;
};

export const localDate = (field: string, value: unknown): LocalDate => {
  if (!isLocalDate(value)) throw badInput(field, `${field} must be a real calendar day (YYYY-MM-DD)`);
  return value;
};

export const oneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
  if (!allowed.includes(value as T)) throw badInput(field, `${field} must be one of ${allowed.join(', ')}`);
  return value as T;
};
