import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';

/** A small deterministic generator, so a failure names the seed that found it. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const STRINGS = ['', 'a', 'B', 'é', 'ü', '€', '\u{1F600}', '"', '\\', '\n', '\u0000', '\u2028', 'key with space', '10', '9', '_'];
const NUMBERS = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789.125, -2.5e-300, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE];

function jsonValue(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = Math.floor(next() * (depth > 3 ? 4 : 6));
  if (kind === 0) return pick(STRINGS) + pick(STRINGS);
  if (kind === 1) return next() < 0.5 ? pick(NUMBERS) : (next() - 0.5) * 10 ** Math.floor(next() * 30 - 10);
  if (kind === 2) return next() < 0.5;
  if (kind === 3) return null;
  if (kind === 4) return Array.from({ length: Math.floor(next() * 4) }, () => jsonValue(next, depth + 1));
  const record: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 5); i > 0; i--) record[pick(STRINGS) + pick(STRINGS)] = next() < 0.1 ? undefined : jsonValue(next, depth + 1);
  return record;
}

describe('canonicalJson', () => {
  it('writes exactly what the canonicalize package writes, for 5,000 random JSON values', () => {
    const differing: unknown[] = [];
    for (let seed = 1; seed <= 5000; seed++) {
      const value = jsonValue(random(seed), 0);
      if (canonicalJson(value) !== canonicalize(value)) differing.push({ seed, value });
    }
    expect(differing).toEqual([]);
  });

  it('sorts keys by UTF-16 code units, leaves undefined members out and writes dates as JSON does', () => {
    expect(canonicalJson({ b: 1, a: [undefined, 2], '\u{1F600}': 'x', 'é': undefined, 'ﬀ': null })).toBe('{"a":[null,2],"b":1,"\u{1F600}":"x","ﬀ":null}');
    expect(canonicalJson({ at: new Date('2026-03-15T09:00:00.000Z') })).toBe('{"at":"2026-03-15T09:00:00.000Z"}');
  });

  it('writes what the native writer would write otherwise as the scheme says: integer-like keys, class instances, toJSON deep inside', () => {
    class Point {
      constructor(
        readonly y: number,
        readonly x: number,
      ) {}
    }
    const values: unknown[] = [
      { b: { '10': 1, '9': 2, a: 3 }, a: [{ d: 1, c: 2 }] },
      { z: new Point(2, 1), a: { at: new Date('2026-03-15T09:00:00.000Z') } },
      { b: 1, a: { toJSON: () => ({ y: 1, x: 2 }) } },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      [{ b: undefined, a: 1 }, undefined, { d: [{ f: 1, e: 2 }] }],
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('refuses functions and big integers wherever they are', () => {
    for (const value of [{ a: () => 1 }, [() => 1], { a: { b: 10n } }]) expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses numbers JSON cannot hold', () => {
    for (const value of [Number.NaN, Infinity, { a: -Infinity }]) expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});
