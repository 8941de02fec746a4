import type { DomainEvent } from '@throughline/domain';

/**
 * The step of the command loop that keeps personal data out of everything after `decide`: it
 * replaces the personal fields of the new events with their sealed form before the events are
 * folded into state and view, cached, or appended. See PersonalDataVault.sealer.
 */
export interface EventSealer {
  /** The events with their personal fields sealed, and the people (subjects) whose keys sealed them. */
  seal<E extends DomainEvent>(events: readonly E[]): Promise<{ readonly events: E[]; readonly subjects: readonly string[] }>;
  /**
   * What the command's record keeps of its payload hash. A payload that held personal data keeps
   * a hash keyed by those subjects' keys, which dies with them: a plain hash of a payload naming a
   * person would let anyone confirm a guessed name long after the person was erased.
   */
  commandHash(payloadHash: string, subjects: readonly string[]): Promise<string>;
  /**
   * Whether a recorded command hash stands for this payload hash. Once a subject it was keyed by
   * is erased nothing can tell any more: a repeat is then taken for the command it repeats.
   */
  sameCommand(recordedHash: string, payloadHash: string): Promise<boolean>;
}
