/**
 * The payload hash a command record keeps when the command recorded someone's personal data:
 * `pdh1.<subjects>.<hmac>`, an HMAC-SHA256 of the plain payload hash under a key derived (HKDF)
 * from those people's keys. It tells a repeat from a reused commandId while they are there, and
 * nothing at all once any of them is erased: a plain hash would let anyone holding the record
 * confirm a guessed name for ever.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { normaliseSubjects } from './sealed-value';

const PREFIX = 'pdh1.';

export interface KeyedCommandHash {
  /** Sorted. */
  readonly subjects: readonly string[];
  readonly header: string;
  readonly digest: Buffer;
}

const headerOf = (subjects: readonly string[]) => `${PREFIX}${Buffer.from(subjects.join(','), 'utf8').toString('base64url')}`;

/** The keyed hash for sorted subjects, `keys[i]` being the key of `subjects[i]`. Wipes the keys. */
export function keyedCommandHash(subjects: readonly string[], keys: Buffer[], payloadHash: string): string {
  const header = headerOf(subjects);
  return `${header}.${digestOf(keys, header, payloadHash).toString('base64url')}`;
}

/** The parts of a keyed hash; null for a plain one. */
export function parseKeyedCommandHash(recorded: string): KeyedCommandHash | null {
  if (!recorded.startsWith(PREFIX)) return null;
  const [subjectsPart, digestPart, extra] = recorded.slice(PREFIX.length).split('.');
  if (subjectsPart === undefined || digestPart === undefined || extra !== undefined) throw new RangeError('a keyed command hash is damaged');
  const subjects = normaliseSubjects(Buffer.from(subjectsPart, 'base64url').toString('utf8').split(','));
  return { subjects, header: `${PREFIX}${subjectsPart}`, digest: Buffer.from(digestPart, 'base64url') };
}

/** Whether the keyed hash stands for this payload hash, with its subjects' keys (wiped after). */
export function keyedHashMatches(recorded: KeyedCommandHash, keys: Buffer[], payloadHash: string): boolean {
  const expected = digestOf(keys, recorded.header, payloadHash);
  return recorded.digest.length === expected.length && timingSafeEqual(recorded.digest, expected);
}

function digestOf(keys: Buffer[], header: string, payloadHash: string): Buffer {
  const material = Buffer.concat(keys);
  const key = Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), Buffer.from(`command ${header}`, 'utf8'), 32));
  try {
    return createHmac('sha256', key).update(payloadHash, 'utf8').digest();
  } finally {
    material.fill(0);
    key.fill(0);
    for (const subjectKey of keys) subjectKey.fill(0);
  }
}
