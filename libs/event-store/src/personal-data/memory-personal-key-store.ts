import { newPersonalKey } from './sealed-value';
import { PersonalDataErasedError, type PersonalKeyLookup, type PersonalKeyStore } from './personal-key-store';

/** Keys in this process only: for unit tests and the memory event store, which forget everything anyway. */
export class MemoryPersonalKeyStore implements PersonalKeyStore {
  readonly name = 'memory';
  /** null: the tombstone of a destroyed key. */
  private readonly keys = new Map<string, Buffer | null>();

  async lookup(subjectId: string): Promise<PersonalKeyLookup> {
    const key = this.keys.get(subjectId);
    if (key === undefined) return { state: 'absent' };
    return key === null ? { state: 'destroyed' } : { state: 'live', key: Buffer.from(key) };
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    let key = this.keys.get(subjectId);
    if (key === null) throw new PersonalDataErasedError(subjectId);
    if (key === undefined) {
      key = newPersonalKey();
      this.keys.set(subjectId, key);
    }
    return Buffer.from(key);
  }

  async destroy(subjectId: string): Promise<void> {
    this.keys.get(subjectId)?.fill(0);
    this.keys.set(subjectId, null);
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    return this.keys.get(subjectId) === null;
  }

  async close(): Promise<void> {}
}
