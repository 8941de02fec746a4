import { badInput } from './domain-error';
import { isLocalDate, type LocalDate } from './local-date';

// Every decider checks the same kinds of raw input, and clients rely on the same error
// wording and field names whichever aggregate refuses them.

/** The usual limit for a short label: a name, a title, a person. */
export const NAME_MAX = 200;
/** The usual limit for free prose: a description, a reason, a note. */
export const TEXT_MAX = 2000;

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

/** A blank optional text counts as none, so clients need not tell "" from null. */
export const optionalText = (field: string, value: unknown, max: number): string | null =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
    ? null
    : requiredText(field, value, max);

/**
 * Null or absent means none, but blank text is refused: for a field where null states a fact
 * (a vacant post, say), a blank string is more likely a mistake than a deliberate "none".
 */
export const nullableText = (field: string, value: unknown, max: number): string | null =>
  value === null || value === undefined ? null : requiredText(field, value, max);

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
