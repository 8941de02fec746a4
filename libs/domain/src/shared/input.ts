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

// Tabs and line breaks belong in prose; NUL and the other control characters belong in no text a
// person wrote, and break the terminals, logs and exports the text is shown in.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a surrogate pair is not a character at all: it cannot be written as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Trimmed, non-blank text of at most `max` characters. */
export const requiredText = (field: string, value: unknown, max: number): string => {
  if (typeof value !== 'string') throw badInput(field, `${field} must be text`);
  const text = value.trim();
  if (text.length === 0) throw badInput(field, `${field} must not be blank`);
  if (CONTROL_CHARACTER.test(text)) throw badInput(field, `${field} must not contain control characters`);
  if (LONE_SURROGATE.test(text)) throw badInput(field, `${field} must be well-formed Unicode text`);
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

/**
 * The largest magnitude a number may have: more than any measure a PMO keeps, small enough that
 * whole numbers stay exact and that differences and ratios of two values (progress, shares of
 * weights) never overflow to Infinity or NaN.
 */
export const NUMBER_MAX_MAGNITUDE = 1e15;

/** NaN and the infinities cannot be stored as JSON and mean nothing as a measure. */
export const finiteNumber = (field: string, value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput(field, `${field} must be a finite number`);
  if (Math.abs(value) > NUMBER_MAX_MAGNITUDE) throw badInput(field, `${field} must be between -1e15 and 1e15`);
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
