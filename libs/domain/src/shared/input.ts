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

/**
 * What a text is for, which decides the invisible characters it may hold. A label (a name, a
 * title, a person, an id) and a reason are read at a glance, compared and searched: no invisible
 * character belongs in them. Prose (a description, a note, a statement, a rationale) is written in
 * sentences, in any script, and may need the joiners that shape Persian or Indic words and join
 * emoji, soft hyphens, and the marks that settle the direction of mixed-direction text.
 */
export type TextKind = 'label' | 'prose';

const PROSE_FIELDS: ReadonlySet<string> = new Set(['description', 'note', 'notes', 'statement', 'rationale', 'body', 'resolution']);

/**
 * The kind of the text in `field`, by its last name (`contributions[0].rationale` is prose), so
 * that the service's inputs and the deciders judge a field alike. A field not named here is held
 * to the stricter label rule.
 */
export const textKindOf = (field: string): TextKind => (PROSE_FIELDS.has(field.slice(field.lastIndexOf('.') + 1)) ? 'prose' : 'label');

// Tabs and line breaks belong in prose; NUL and the other control characters (C0 and C1) belong in
// no text a person wrote, and break the terminals, logs and exports the text is shown in.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Half of a surrogate pair is not a character at all: it cannot be written as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Embeddings, overrides and isolates make text show in another order than it is stored (and than
// it is compared, searched and audited in), so that what a reader approves is not what was said.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Format characters (Unicode category Cf: zero-width spaces and joiners, direction marks, word
// joiners, byte-order marks, soft hyphens, tags...) show nothing themselves.
const FORMAT_CHARACTER = /\p{Cf}/u;
// A letter, digit, punctuation mark or symbol that draws something: not one the renderer ignores
// (Hangul fillers, variation selectors) nor the blank braille pattern, which looks like a space.
const VISIBLE_CHARACTER = /(?![\p{Default_Ignorable_Code_Point}\u2800])[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * The text trimmed, once it is text a person can see and no character its kind refuses; its
 * length is left to the caller. The service applies this to its inputs before they become
 * commands, the deciders through requiredText.
 */
export const visibleText = (field: string, value: unknown, kind: TextKind = textKindOf(field)): string => {
  if (typeof value !== 'string') throw badInput(field, `${field} must be text`);
  const text = value.trim();
  if (text.length === 0) throw badInput(field, `${field} must not be blank`);
  if (CONTROL_CHARACTER.test(text)) throw badInput(field, `${field} must not contain control characters`);
  if (LONE_SURROGATE.test(text)) throw badInput(field, `${field} must be well-formed Unicode text`);
  if (BIDI_CONTROL.test(text)) throw badInput(field, `${field} must not contain bidi embeddings, overrides or isolates`);
  if (kind === 'label' && FORMAT_CHARACTER.test(text)) {
    throw badInput(field, `${field} must not contain invisible format characters (zero-width, direction or joiner characters)`);
  }
  if (!VISIBLE_CHARACTER.test(text)) throw badInput(field, `${field} must contain a visible character`);
  return text;
};

/** Trimmed text of at most `max` characters, with a visible character and none its kind refuses. */
export const requiredText = (field: string, value: unknown, max: number): string => {
  const text = visibleText(field, value);
  if (length(text) > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
};

/**
 * Null or absent means none; given text is held to requiredText. A blank string is refused, never
 * taken for none: a client that sends "" has most likely lost a value, and must say null to mean it.
 */
export const optionalText = (field: string, value: unknown, max: number): string | null =>
  value === null || value === undefined ? null : requiredText(field, value, max);

/**
 * The same rule, named for a field where null states a fact (a vacant post, say) rather than
 * leaving something out.
 */
export const nullableText = optionalText;

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
