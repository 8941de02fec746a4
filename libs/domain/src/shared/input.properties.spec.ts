import fc from 'fast-check';
import { DomainError } from './domain-error';
import { type TextKind, visibleText } from './input';

// A plain reference for the text rule, built from characters whose nature is known by
// construction rather than by the Unicode classes the rule itself uses.
const VISIBLE = ['a', 'Z', 'é', '7', '.', '€', 'ж', '中', 'ش', '🚀'];
const SPACES = [' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000'];
/** Bidi embeddings, overrides and isolates: refused in every text. */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
/** Every other format character drawn here: refused in labels and reasons, kept in prose. */
const OTHER_FORMAT = ['\u00ad', '\u061c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\ufeff', '\u{e0041}'];
/** Characters that show nothing but are not format characters: neither refused nor visible. */
const SHOWING_NOTHING = ['\u3164', '\u2800', '\u0301', '\ufe0f'];

const character = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VISIBLE) },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI) },
  { weight: 3, arbitrary: fc.constantFrom(...OTHER_FORMAT) },
  { weight: 1, arbitrary: fc.constantFrom(...SHOWING_NOTHING) },
);
const text = fc.array(character, { maxLength: 8 }).map((chars) => chars.join(''));
const kind = fc.constantFrom<TextKind>('label', 'prose');
/** Any code points at all, lone surrogates included. */
const anyText = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 12 }).map((points) => String.fromCodePoint(...points));

const reference = (value: string, textKind: TextKind): { accepted: true; stored: string } | { accepted: false } => {
  const stored = value.trim();
  const chars = [...stored];
  const refused = textKind === 'label' ? [...BIDI, ...OTHER_FORMAT] : BIDI;
  const accepted = chars.some((c) => VISIBLE.includes(c)) && !chars.some((c) => refused.includes(c));
  return accepted ? { accepted, stored } : { accepted };
};

const outcome = (value: unknown, textKind?: TextKind) => {
  try {
    return { accepted: true as const, stored: visibleText('field', value, textKind) };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT' && error.field === 'field') return { accepted: false as const };
    throw error;
  }
};

describe('the text rule against a plain reference', () => {
  it('accepts text iff it has a visible character and none its kind refuses, and stores it trimmed', () => {
    fc.assert(
      fc.property(text, kind, (value, textKind) => {
        expect(outcome(value, textKind)).toEqual(reference(value, textKind));
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts text with nothing visible, whatever the characters, and accepts its own output unchanged', () => {
    fc.assert(
      fc.property(anyText, kind, (value, textKind) => {
        const first = outcome(value, textKind);
        if (!first.accepted) return;
        expect(first.stored).toBe(first.stored.trim());
        expect(first.stored).not.toMatch(/^[\s\p{Cf}]*$/u);
        expect(outcome(first.stored, textKind)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses anything but text, with the same error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object()), (value) => {
        expect(outcome(value)).toEqual({ accepted: false });
      }),
    );
  });
});
