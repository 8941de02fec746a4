import { createHash } from 'node:crypto';

/**
 * A uuid taken from a SHA-256 of the parts (laid out as a version 8 UUID, as workday ids are), so
 * every instance names the same stream for the same parts without asking anyone.
 */
const derivedUuid = (parts: readonly (string | number)[]): string => {
  const bytes = createHash('sha256').update(JSON.stringify(parts)).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The id of one PMO's adoptions and leeways of one standard: one stream per pair. */
export const adoptionIdOf = (standardId: string, pmoId: string): string => derivedUuid(['adoption', standardId, pmoId]);

/**
 * The id of the pair's deviation in `slot` (1 first). A pair's deviations fill slots 1, 2, 3...
 * in the order asked, each created only where no stream exists, so the request for slot n was
 * judged on every deviation in slots 1..n-1: the store, not a read model, keeps them from overlapping.
 */
export const deviationIdOf = (standardId: string, pmoId: string, slot: number): string => derivedUuid(['deviation', standardId, pmoId, slot]);
