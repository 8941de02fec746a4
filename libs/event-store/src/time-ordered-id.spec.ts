import { timeOrderedId } from './time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('is a version 7 UUID carrying the instant in its first 48 bits', () => {
    const at = Date.parse('2026-03-15T09:00:00.123Z');
    const id = timeOrderedId(at);

    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts ids of later instants after earlier ones, and never repeats one', () => {
    const instants = Array.from({ length: 200 }, (_, i) => Date.parse('2026-03-15T09:00:00Z') + i * 7);
    const ids = instants.map(timeOrderedId);

    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => timeOrderedId(0))).size).toBe(10_000);
  });

  it('stays a valid UUID for instants outside what 48 bits hold', () => {
    for (const at of [-1, Number.NaN, 2 ** 50]) expect(timeOrderedId(at)).toMatch(UUID_V7);
  });
});
