import { DomainError } from './domain-error';
import { finiteNumber, localDate, nullableText, oneOf, optionalText, requiredText, textKindOf, visibleText } from './input';

const refusal = (check: () => unknown): Pick<DomainError, 'code' | 'field' | 'message'> => {
  try {
    check();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected the input to be refused');
};

describe('input checks', () => {
  describe('requiredText', () => {
    it('trims the text and counts an emoji as one character', () => {
      expect(requiredText('title', '  Launch  ', 10)).toBe('Launch');
      expect(requiredText('title', '🚀'.repeat(3), 3)).toBe('🚀🚀🚀');
    });

    it('refuses non-text, blank and over-long text, naming the field', () => {
      expect(refusal(() => requiredText('title', 42, 10))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'title',
        message: 'title must be text',
      });
      expect(refusal(() => requiredText('title', ' \t ', 10)).message).toBe('title must not be blank');
      expect(refusal(() => requiredText('title', 'x'.repeat(4), 3)).message).toBe('title must be at most 3 characters');
    });

    it('refuses NUL and other control characters but keeps tabs and line breaks', () => {
      expect(refusal(() => requiredText('title', 'Launch\u0000plan', 20))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'title',
        message: 'title must not contain control characters',
      });
      expect(refusal(() => requiredText('title', 'bell\u0007', 20)).field).toBe('title');
      expect(refusal(() => requiredText('title', 'escape\u001b[31m', 20)).field).toBe('title');
      expect(refusal(() => requiredText('title', 'eight-bit \u009b31m escape', 40)).message).toBe('title must not contain control characters');
      expect(requiredText('notes', 'line one\r\n\tline two', 40)).toBe('line one\r\n\tline two');
    });

    it('refuses half of a surrogate pair but keeps whole ones', () => {
      expect(refusal(() => requiredText('title', 'broken \ud800 pair', 20)).message).toBe('title must be well-formed Unicode text');
      expect(refusal(() => requiredText('title', '\udc00 first', 20)).field).toBe('title');
      expect(requiredText('title', 'rocket 🚀', 20)).toBe('rocket 🚀');
    });

    it('measures the length after trimming', () => {
      expect(requiredText('title', '  abc  ', 3)).toBe('abc');
    });
  });

  describe('invisible text', () => {
    it.each([
      ['a zero-width space', '\u200b'],
      ['zero-width joiners', '\u200c\u200d'],
      ['a word joiner and a byte-order mark', '\u2060\ufeff\u2060'],
      ['a right-to-left override', '\u202e'],
      ['a Hangul filler', '\u3164'],
      ['a blank braille pattern', '\u2800'],
      ['a combining accent with nothing to sit on', '\u0301'],
    ])('refuses %s as a reason or a note, whatever its kind', (_what, text) => {
      expect(refusal(() => requiredText('reason', text, 100))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(refusal(() => requiredText('note', text, 100))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    });

    it('says what is wrong with text that shows nothing', () => {
      expect(refusal(() => requiredText('note', '\u200b\u200b', 10)).message).toBe('note must contain a visible character');
      expect(refusal(() => requiredText('reason', '\u200b', 10)).message).toBe(
        'reason must not contain invisible format characters (zero-width, direction or joiner characters)',
      );
    });

    it.each([
      ['a zero-width space', 'Ada\u200bLovelace'],
      ['a zero-width joiner', 'Gra\u200dce'],
      ['a left-to-right mark', 'Plan\u200e 2026'],
      ['a soft hyphen', 'co\u00adoperation'],
      ['a tag character', 'Flag \u{e0067}'],
    ])('refuses %s inside a label or a reason', (_what, text) => {
      expect(refusal(() => requiredText('name', text, 100)).field).toBe('name');
      expect(refusal(() => requiredText('contributions[0].reason', text, 100)).field).toBe('contributions[0].reason');
    });

    it('keeps the joiners, soft hyphens and direction marks prose is written with', () => {
      const prose = ['Team 👩\u200d💻 sync', 'می\u200cخواهم', 'co\u00adoperation', 'שלום\u200f (hello)'];
      expect(prose.map((text) => requiredText('description', text, 100))).toEqual(prose);
      expect(requiredText('contributions[2].rationale', prose[0], 100)).toBe(prose[0]);
    });

    it.each(['202A', '202B', '202C', '202D', '202E', '2066', '2067', '2068', '2069'])(
      'refuses the bidi control U+%s even in prose, where it could show text in another order than it is stored',
      (hex) => {
        const control = String.fromCodePoint(Number.parseInt(hex, 16));
        expect(refusal(() => requiredText('statement', `Pay ${control}000,01${control} now`, 100))).toEqual({
          code: 'BAD_USER_INPUT',
          field: 'statement',
          message: 'statement must not contain bidi embeddings, overrides or isolates',
        });
      },
    );

    it('judges a description, a note, a statement, a rationale, a body and a resolution as prose, any other field as a label', () => {
      expect(['description', 'note', 'statement', 'rationale', 'contributions[0].rationale', 'body', 'resolution'].map(textKindOf)).toEqual(Array(7).fill('prose'));
      expect(['name', 'title', 'owner', 'person', 'reason', 'metric.name', 'activityId', 'summary'].map(textKindOf)).toEqual(Array(8).fill('label'));
    });

    it('lets a caller name the kind, and leaves the length to it', () => {
      expect(visibleText('title', ' Team 👩\u200d💻 ', 'prose')).toBe('Team 👩\u200d💻');
      expect(refusal(() => visibleText('description', 'Team 👩\u200d💻', 'label')).field).toBe('description');
      expect(visibleText('title', 'x'.repeat(5000))).toHaveLength(5000);
    });
  });

  describe('optional and nullable text', () => {
    it.each([null, undefined])('record %p as none', (value) => {
      expect(optionalText('note', value, 10)).toBeNull();
      expect(nullableText('head', value, 10)).toBeNull();
    });

    it.each(['', '   ', '\u200b'])('refuse %p rather than take it for none', (value) => {
      expect(refusal(() => optionalText('note', value, 10))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      expect(refusal(() => nullableText('head', value, 10))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'head' });
    });

    it('name blank text as blank', () => {
      expect(refusal(() => nullableText('head', ' ', 10)).message).toBe('head must not be blank');
      expect(refusal(() => optionalText('reason', '', 10)).message).toBe('reason must not be blank');
    });

    it('both check given text like requiredText', () => {
      expect(optionalText('note', ' hi ', 10)).toBe('hi');
      expect(nullableText('head', ' hi ', 10)).toBe('hi');
      expect(refusal(() => optionalText('note', 'x'.repeat(11), 10)).field).toBe('note');
      expect(refusal(() => nullableText('head', 7, 10)).message).toBe('head must be text');
    });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '3', null])('finiteNumber refuses %p', (value) => {
    expect(refusal(() => finiteNumber('hours', value))).toMatchObject({
      field: 'hours',
      message: 'hours must be a finite number',
    });
  });

  it('finiteNumber accepts zero, negatives and fractions', () => {
    expect([0, -2, 0.5].map((value) => finiteNumber('hours', value))).toEqual([0, -2, 0.5]);
  });

  it('finiteNumber keeps magnitudes within 1e15, so that differences and ratios stay finite', () => {
    expect([1e15, -1e15].map((value) => finiteNumber('value', value))).toEqual([1e15, -1e15]);
    expect(refusal(() => finiteNumber('value', 1e308))).toMatchObject({ field: 'value', message: 'value must be between -1e15 and 1e15' });
    expect(refusal(() => finiteNumber('value', -1.0000000000000002e15)).field).toBe('value');
  });

  it('localDate accepts a real calendar day and refuses any other', () => {
    expect(localDate('dueOn', '2024-02-29')).toBe('2024-02-29');
    expect(refusal(() => localDate('dueOn', '2026-02-30'))).toMatchObject({
      field: 'dueOn',
      message: 'dueOn must be a real calendar day (YYYY-MM-DD)',
    });
  });

  it('oneOf accepts a listed value and names the choices otherwise', () => {
    expect(oneOf('kind', 'B', ['A', 'B'] as const)).toBe('B');
    expect(refusal(() => oneOf('kind', 'C', ['A', 'B'] as const)).message).toBe('kind must be one of A, B');
  });
});
