/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers as JSON.stringify writes them, undefined members left
 * out. It gives exactly what the `canonicalize` package gives (a spec holds it to that).
 *
 * For plain data it is JSON.stringify of the value with every object's keys in sorted order: the
 * native writer, over a copy of only the objects whose keys were not in order already. Values it
 * would write otherwise than the scheme (numbers JSON cannot hold, toJSON, functions, keys that
 * objects list first whatever their order, objects that are not plain) take the written-out path.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inCanonicalOrder(value);
  return ordered === UNLIKE ? written(value) : JSON.stringify(ordered);
}

/**
 * The canonical text of a plain JSON object, written by JSON.stringify; undefined for anything
 * else (not an object, or holding what the native writer would write otherwise). Such an object
 * survives a JSON round trip unchanged, so this is also the canonical text of its stored form.
 */
export function canonicalJsonOfPlainObject(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const ordered = inCanonicalOrder(value);
  return ordered === UNLIKE ? undefined : JSON.stringify(ordered);
}

/** Marks a value JSON.stringify would write differently from its canonical form. */
const UNLIKE: unique symbol = Symbol('unlike');

/** The value, or a copy of it whose objects list their keys sorted; UNLIKE when that is not enough. */
function inCanonicalOrder(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : UNLIKE;
    case 'object':
      break;
    default:
      return UNLIKE;
  }
  if (value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Both write null for these.
      if (item === undefined || typeof item === 'symbol') continue;
      const ordered = inCanonicalOrder(item);
      if (ordered === UNLIKE) return UNLIKE;
      if (ordered !== item) (copy ??= value.slice())[i] = ordered;
    }
    return copy ?? value;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return UNLIKE;
  const record = value as Record<string, unknown>;
  if (typeof record.toJSON === 'function') return UNLIKE;
  const keys = Object.keys(record);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const first = key.charCodeAt(0);
    // Objects list integer-like keys first in numeric order; "__proto__" cannot be copied as a key.
    if ((first >= 48 && first <= 57) || key === '__proto__') return UNLIKE;
    if (i > 0 && keys[i - 1]! > key) sorted = false;
  }
  if (!sorted) keys.sort();
  let copy: Record<string, unknown> | undefined = sorted ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = record[key];
    // Both leave these out.
    const ordered = member === undefined || typeof member === 'symbol' ? undefined : inCanonicalOrder(member);
    if (ordered === UNLIKE) return UNLIKE;
    if (copy === undefined && ordered !== member) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = record[keys[j]!];
    }
    if (copy !== undefined) copy[key] = ordered;
  }
  return copy ?? value;
}

/** The scheme written out value by value, for what JSON.stringify would write otherwise. */
function written(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON form`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new TypeError(`a ${typeof value} has no JSON form`);
  }
  if (value === null) return 'null';
  const json = value as { toJSON?: unknown };
  if (typeof json.toJSON === 'function') return written((json.toJSON as () => unknown)());
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) text += ',';
      text += item === undefined || typeof item === 'symbol' ? 'null' : written(item);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || typeof member === 'symbol') continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${written(member)}`;
  }
  return `${text}}`;
}
