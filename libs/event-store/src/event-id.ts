import { randomUUID } from 'node:crypto';

const MAX_UNIX_MS = 2 ** 48 - 1;

/**
 * A UUID version 7 (RFC 9562) for an event recorded at `unixMs`: the first 48 bits are that
 * instant in milliseconds, the other 74 free bits as random as a version 4's. Events recorded
 * together get ids that sort together, so the events table's unique index on the id grows at its
 * end instead of dirtying a random page of it for every event written.
 */
export function timeOrderedEventId(unixMs: number): string {
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
