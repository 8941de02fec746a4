/**
 * Personal keys for instances that share one EventStoreDB: the server they all trust for the order
 * of events is also where they agree on each person's key, so no second shared store is needed.
 *
 * - A key lives in a stream of its own, `_throughline.personal-key-<subjectId>`: one
 *   `PersonalKeyCreated` event holding the 32 random bytes. Internal streams are outside the
 *   service's feed (the $all filter excludes `_throughline.`), so keys never reach a projector, a
 *   read model, an integrity report or an export.
 * - Making a key appends with expected revision "no stream": when two instances make one subject's
 *   key at once, the server takes one write and refuses the other, whose writer then reads and uses
 *   the winner's key.
 * - Destroying a key tombstones (hard-deletes) its stream. The server answers reads of it with
 *   StreamDeleted from then on, on every node and for every instance: that is the tombstone this
 *   store remembers, and it refuses to make a new key for the subject (an append to a tombstoned
 *   stream is refused for good). A subject that never had a key is tombstoned too.
 * - What the tombstone does not do at once: the key's event stays on the server's disk, and in
 *   unfiltered reads of $all, until the chunk holding it is completed and scavenged. The README's
 *   "Personal data and erasure" tells operators to scavenge after erasures.
 */
import { jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { PersonalDataErasedError, type PersonalKeyLookup, type PersonalKeyStore } from '../personal-data/personal-key-store';
import { newPersonalKey, PERSONAL_KEY_BYTES } from '../personal-data/sealed-value';
import type { EventStoreDbCalls } from './eventstoredb-calls';
import { INTERNAL_STREAM_PREFIX } from './eventstoredb-command-claims';
import { EventStoreDbRefusedError } from './eventstoredb-connection';

export const PERSONAL_KEY_STREAM_PREFIX = `${INTERNAL_STREAM_PREFIX}personal-key-`;
const KEY_CREATED = 'PersonalKeyCreated';

export const personalKeyStreamOf = (subjectId: string): string => `${PERSONAL_KEY_STREAM_PREFIX}${subjectId}`;

const isDeleted = (error: unknown) => error instanceof EventStoreDbRefusedError && error.reason === 'stream-deleted';

export class EventStoreDbPersonalKeyStore implements PersonalKeyStore {
  readonly name = 'eventstoredb';

  /** Over the event store's own connection and deadline; closing the event store closes it. */
  constructor(private readonly calls: EventStoreDbCalls) {}

  async lookup(subjectId: string): Promise<PersonalKeyLookup> {
    const stream = personalKeyStreamOf(subjectId);
    try {
      const [first] = await this.calls.readStream(stream, 0n, 'forwards', 1);
      if (!first) return { state: 'absent' };
      const key = first.type === KEY_CREATED ? Buffer.from(String((first.data as { key?: unknown } | undefined)?.key ?? ''), 'base64') : Buffer.alloc(0);
      if (key.length !== PERSONAL_KEY_BYTES) throw new Error(`${stream}@${first.revision} is not a personal key (${first.type})`);
      return { state: 'live', key };
    } catch (error) {
      if (isDeleted(error)) return { state: 'destroyed' };
      throw error;
    }
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const found = await this.lookup(subjectId);
    if (found.state === 'live') return found.key;
    if (found.state === 'destroyed') throw new PersonalDataErasedError(subjectId);
    const key = newPersonalKey();
    try {
      const answer = await this.calls.append(personalKeyStreamOf(subjectId), [jsonEvent({ type: KEY_CREATED, data: { key: key.toString('base64') } })], NO_STREAM);
      if (answer.ok) return key;
    } catch (error) {
      key.fill(0);
      if (isDeleted(error)) throw new PersonalDataErasedError(subjectId);
      throw error;
    }
    // Another instance made the subject's key first (or destroyed it): take what the server holds.
    key.fill(0);
    const winner = await this.lookup(subjectId);
    if (winner.state === 'live') return winner.key;
    throw winner.state === 'destroyed' ? new PersonalDataErasedError(subjectId) : new Error(`${personalKeyStreamOf(subjectId)} exists but holds no key`);
  }

  async destroy(subjectId: string): Promise<void> {
    try {
      await this.calls.tombstone(personalKeyStreamOf(subjectId));
    } catch (error) {
      if (!isDeleted(error)) throw error;
    }
  }

  /**
   * For a migration: makes a key made in another store this subject's key here, or (null) its
   * tombstone ('adopted'). Running it again changes nothing ('present'). A subject erased here
   * stays erased ('erased'); a different key already here is refused, since values sealed under
   * one of the two would become unreadable.
   */
  async adopt(subjectId: string, key: Buffer | null): Promise<'adopted' | 'present' | 'erased'> {
    if (key === null) {
      if (await this.isDestroyed(subjectId)) return 'present';
      await this.destroy(subjectId);
      return 'adopted';
    }
    if (key.length !== PERSONAL_KEY_BYTES) throw new RangeError(`a personal key has ${PERSONAL_KEY_BYTES} bytes, not ${key.length}`);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const found = await this.lookup(subjectId);
      if (found.state === 'destroyed') return 'erased';
      if (found.state === 'live') {
        if (found.key.equals(key)) return 'present';
        throw new Error(`${personalKeyStreamOf(subjectId)} holds another key than the one being moved here`);
      }
      try {
        const answer = await this.calls.append(personalKeyStreamOf(subjectId), [jsonEvent({ type: KEY_CREATED, data: { key: key.toString('base64') } })], NO_STREAM);
        if (answer.ok) return 'adopted';
      } catch (error) {
        if (isDeleted(error)) return 'erased';
        throw error;
      }
    }
    throw new Error(`${personalKeyStreamOf(subjectId)} keeps changing while a key is moved there`);
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return (await this.lookup(subjectId)).state === 'destroyed';
  }

  /** The connection belongs to the event store, which closes it. */
  async close(): Promise<void> {}
}
