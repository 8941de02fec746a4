import { randomUUID } from 'node:crypto';

const MAX_UNIX_MS = 2 ** 48 - 1;

/**
 * A UUID version 7 (RFC 9562) for something made at `unixMs` (an event, a new entity): the first
 * 48 bits are that instant in milliseconds, the other 74 free bits as random as a version 4's.
 * Ids made together sort together, so an index keyed by them (the events' ids, a stream id, a
 * read-model row per entity) grows at its end instead of dirtying a random page of it for every
 * row written: once such an index outgrows SQLite's page cache, scattered keys cost a page read
 * and a page write each.
 */
export function timeOrderedId(unixMs: number): string {
  const random = randomUUID();
  // randomUUID is xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx: keep its random bits and its variant.
  return timePrefix(unixMs) + random.slice(15);
}

// The events of one append, and of one grouped commit, share their instant and so this prefix.
let prefixMs = Number.NaN;
let prefix = '';

/** `tttttttt-tttt-7`: the instant in milliseconds as the id's first 48 bits, then the version. */
function timePrefix(unixMs: number): string {
  const ms = Math.min(MAX_UNIX_MS, Math.max(0, Math.floor(unixMs) || 0));
  if (ms !== prefixMs) {
    const time = ms.toString(16).padStart(12, '0');
    prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
    prefixMs = ms;
  }
  return prefix;
}
