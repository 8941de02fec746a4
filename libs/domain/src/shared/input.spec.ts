import { DomainError } from './domain-error';
import { finiteNumber, localDate, nullableText, oneOf, optionalText, requiredText } from './input';

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

  describe('optional and nullable text', () => {
    it.each([null, undefined, '', '   '])('optionalText records %p as none', (value) => {
      expect(optionalText('note', value, 10)).toBeNull();
    });

    it('nullableText records null and absence as none but refuses blank text', () => {
      expect(nullableText('head', null, 10)).toBeNull();
      expect(nullableText('head', undefined, 10)).toBeNull();
      expect(refusal(() => nullableText('head', ' ', 10))).toMatchObject({
        field: 'head',
        message: 'head must not be blank',
      });
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
