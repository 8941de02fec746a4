import { createHash } from 'node:crypto';
import type { LocalDate } from '@throughline/domain';
import { CATEGORY, streamId } from '@throughline/runtime';

/**
 * The stream of one person's day: `workday-<uuid>`, the uuid taken from a SHA-256 of person and
 * day (laid out as a version 8 UUID), so every instance names the same stream for the same day
 * without asking anyone, and the name gives neither away.
 */
export const workdayStreamId = (person: string, day: LocalDate): string => {
  const bytes = createHash('sha256').update(JSON.stringify([person, day])).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return streamId(CATEGORY.workday, `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
};
