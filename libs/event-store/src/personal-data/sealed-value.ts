/**
 * The sealed form of one personal value: a compact ASCII string, so it stays a JSON string and the
 * event types keep declaring `string`.
 *
 *   pd1.<subjects>.<salt>.<iv>.<ciphertext>.<tag>      every part base64url, without padding
 *
 * - subjects: the ids of the people the value belongs to, sorted and joined by commas;
 * - the content key: HKDF-SHA256 over the subjects' 32-byte keys concatenated in that order, with
 *   the value's own random 16-byte salt and the subjects as info. Every subject's key goes into it,
 *   so destroying any one of them makes the value unreadable for good;
 * - AES-256-GCM with a random 12-byte IV and a 16-byte tag; the additional data is the version and
 *   the subjects as written, so a value cannot be passed off as another group's.
 *
 * A fresh salt gives each value its own content key, so IVs never repeat under one key however
 * many values a person has. The keys come from `crypto.randomBytes`, never from personal data.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const SEALED_PREFIX = 'pd1.';
/** Bytes of a subject's key: AES-256. */
export const PERSONAL_KEY_BYTES = 32;

const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PARTS = 6;
const BASE64URL = /^[A-Za-z0-9_-]*$/;
/** Subject ids are entity ids: bounded, and free of the separators the format uses. */
const SUBJECT_ID = /^[A-Za-z0-9_:-]{1,128}$/;

/** The parts of a sealed value, as read from its string. */
export interface SealedParts {
  /** Sorted, distinct. */
  readonly subjects: readonly string[];
  readonly salt: Buffer;
  readonly iv: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  /** `pd1.<subjects>`: the additional data the tag covers. */
  readonly header: string;
}

/** A sealed value that was altered, truncated or made up: it opens to nothing, ever. */
export class UnreadableSealedValueError extends Error {
  constructor(reason: string) {
    super(`a sealed personal value cannot be opened: ${reason}`);
    this.name = 'UnreadableSealedValueError';
  }
}

/** Whether a value has the sealed form's prefix (it may still be damaged: `parseSealed` says). */
export const looksSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_PREFIX);

/** The subjects sorted and without repeats; refuses an empty list or an id the format cannot carry. */
export function normaliseSubjects(subjects: readonly string[]): string[] {
  const sorted = [...new Set(subjects)].sort();
  if (sorted.length === 0) throw new RangeError('a personal value needs at least one subject');
  for (const subject of sorted) {
    if (typeof subject !== 'string' || !SUBJECT_ID.test(subject)) {
      throw new RangeError(`subject id ${JSON.stringify(subject)} is not an entity id (letters, digits, '_', ':', '-', at most 128)`);
    }
  }
  return sorted;
}

const headerOf = (subjects: readonly string[]) => `${SEALED_PREFIX}${Buffer.from(subjects.join(','), 'utf8').toString('base64url')}`;

/** The content key of one value: every subject's key, in subject order, through HKDF. */
function contentKey(keys: readonly Buffer[], salt: Buffer, header: string): Buffer {
  for (const key of keys) {
    if (key.length !== PERSONAL_KEY_BYTES) throw new RangeError(`a personal key has ${PERSONAL_KEY_BYTES} bytes, not ${key.length}`);
  }
  const material = Buffer.concat(keys);
  try {
    return Buffer.from(hkdfSync('sha256', material, salt, Buffer.from(header, 'utf8'), PERSONAL_KEY_BYTES));
  } finally {
    material.fill(0);
  }
}

/**
 * Seals `plaintext` for `subjects`; `keys[i]` is the key of `subjects[i]` as normaliseSubjects
 * orders them.
 */
export function sealWithKeys(plaintext: string, subjects: readonly string[], keys: readonly Buffer[]): string {
  if (keys.length !== subjects.length) throw new RangeError('one key per subject');
  const header = headerOf(subjects);
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = contentKey(keys, salt, header);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(header, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [salt, iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
    return `${header}.${parts.join('.')}`;
  } finally {
    key.fill(0);
  }
}

/** Reads the parts of a sealed string; a damaged one is UnreadableSealedValueError. */
export function parseSealed(value: string): SealedParts {
  if (!looksSealed(value)) throw new UnreadableSealedValueError('it does not start with the sealed prefix');
  const parts = value.slice(SEALED_PREFIX.length).split('.');
  if (parts.length !== PARTS - 1 || !parts.every((part) => BASE64URL.test(part))) {
    throw new UnreadableSealedValueError('it is not of the sealed form');
  }
  const [subjectsPart, saltPart, ivPart, ciphertextPart, tagPart] = parts as [string, string, string, string, string];
  let subjects: string[];
  try {
    subjects = normaliseSubjects(Buffer.from(subjectsPart, 'base64url').toString('utf8').split(','));
  } catch {
    throw new UnreadableSealedValueError('its subjects cannot be read');
  }
  const header = headerOf(subjects);
  if (header !== `${SEALED_PREFIX}${subjectsPart}`) throw new UnreadableSealedValueError('its subjects are not in the sealed order');
  const salt = Buffer.from(saltPart, 'base64url');
  const iv = Buffer.from(ivPart, 'base64url');
  const tag = Buffer.from(tagPart, 'base64url');
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new UnreadableSealedValueError('a part has the wrong length');
  }
  return { subjects, salt, iv, ciphertext: Buffer.from(ciphertextPart, 'base64url'), tag, header };
}

/** Opens a parsed value with its subjects' keys (in subject order); a failed tag is UnreadableSealedValueError. */
export function openWithKeys(parts: SealedParts, keys: readonly Buffer[]): string {
  if (keys.length !== parts.subjects.length) throw new RangeError('one key per subject');
  const key = contentKey(keys, parts.salt, parts.header);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(parts.header, 'utf8'));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new UnreadableSealedValueError('it was altered, or sealed under other keys');
  } finally {
    key.fill(0);
  }
}

/** A new random key for a subject. */
export const newPersonalKey = (): Buffer => randomBytes(PERSONAL_KEY_BYTES);
