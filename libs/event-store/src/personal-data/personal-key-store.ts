/**
 * Where the keys personal values are sealed under live: one random 32-byte key per person
 * (subject), outside the event log. Destroying a key is what erasure is; a destroyed key leaves a
 * tombstone holding no key bytes, so the store remembers the subject was erased and refuses to
 * make a new key for it: a value sealed later under a fresh key would quietly bring the person back.
 *
 * Adapters: memory (tests), SQLite (`personal-keys.sqlite` in the data directory) and EventStoreDB
 * (a stream per subject on the shared server, for several instances).
 */

/** What a store holds for one subject. */
export type PersonalKeyLookup =
  | { readonly state: 'live'; readonly key: Buffer }
  /** No key was ever made for the subject. */
  | { readonly state: 'absent' }
  /** The key was destroyed: everything sealed under it is unreadable for good. */
  | { readonly state: 'destroyed' };

export interface PersonalKeyStore {
  /** For logs and messages. */
  readonly name: string;
  /** The subject's key, or why there is none. */
  lookup(subjectId: string): Promise<PersonalKeyLookup>;
  /**
   * The subject's key, made (from `crypto.randomBytes`) if there was none. Two callers at once,
   * in one process or several, get the same key.
   * @throws PersonalDataErasedError when the subject's key was destroyed
   */
  keyFor(subjectId: string): Promise<Buffer>;
  /**
   * Destroys the subject's key durably and leaves the tombstone; a subject without a key gets the
   * tombstone too. Idempotent: destroying again does nothing.
   */
  destroy(subjectId: string): Promise<void>;
  /** Whether the subject's key was destroyed. */
  isDestroyed(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The subject's personal data was erased: nothing can be sealed for it any more. */
export class PersonalDataErasedError extends Error {
  constructor(readonly subjectId: string) {
    super(`the personal data of ${subjectId} was erased: nothing more can be recorded under it`);
    this.name = 'PersonalDataErasedError';
  }
}

/** A sealed value names a subject the key store has never seen: a key store other than the one it was sealed with. */
export class PersonalKeyMissingError extends Error {
  constructor(readonly subjectId: string, storeName: string) {
    super(
      `no key for ${subjectId} in the ${storeName} key store, and none was destroyed there: ` +
        'the events were sealed with another key store (restored or migrated without it?)',
    );
    this.name = 'PersonalKeyMissingError';
  }
}
