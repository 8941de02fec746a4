import { createHash } from 'node:crypto';

/**
 * A uuid taken from a SHA-256 of the parts, laid out as a version 8 UUID (as workday and
 * adoption ids are): every retry of a command names the same entity without asking anyone.
 */
export const derivedUuid = (parts: readonly string[]): string => {
  const bytes = createHash('sha256').update(JSON.stringify(parts)).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The idempotency key of one step a command takes on another stream (a group's new member, a
 * touchpoint's work): the client's key and the step, joined by a space, which no client key may
 * hold, so a derived key never meets one a client chose.
 */
export const derivedCommandId = (commandId: string | null | undefined, ...step: readonly string[]): string | null =>
  commandId ? [commandId, ...step].join(' ') : null;

/** A touchpoint recorded under an idempotency key has an id derived from it, so its work can be derived too. */
export const touchpointIdFor = (commandId: string): string => derivedUuid(['touchpoint', commandId]);

/** The work entry that records a touchpoint's time: one per touchpoint, whoever retries it. */
export const touchpointWorkEntryId = (touchpointId: string): string => derivedUuid(['touchpoint-work', touchpointId]);
