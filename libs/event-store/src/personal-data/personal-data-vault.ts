/**
 * Seals personal values where they enter (the command path), opens them where they are shown, and
 * erases a person by destroying their key. The event log, read models and caches only ever hold
 * sealed strings (sealed-value.ts); destroying a subject's key turns every value sealed under it
 * to null everywhere at once, without rewriting anything.
 *
 * Keys are cached in the process (bounded, least recently used first, optionally for a limited
 * time) and the cache forgets a subject the moment it is erased here, or `forget` is called because
 * another instance erased it (the API calls it for every erasure event its projector applies).
 */
import { LRUCache } from 'lru-cache';
import type { DomainEvent, PersonalFieldRules } from '@throughline/domain';
import type { EventSealer } from '../command-handling/event-sealer';
import { keyedCommandHash, keyedHashMatches, parseKeyedCommandHash } from './keyed-command-hash';
import { PersonalDataErasedError, PersonalKeyMissingError, type PersonalKeyStore } from './personal-key-store';
import { looksSealed, normaliseSubjects, openWithKeys, parseSealed, sealWithKeys, type SealedParts, UnreadableSealedValueError } from './sealed-value';

export interface PersonalDataVaultOptions {
  /** Keys kept in memory at most. Default 10,000. */
  readonly keyCacheSize?: number;
  /** Subjects remembered as erased without asking the key store. Default 100,000. */
  readonly erasedCacheSize?: number;
  /**
   * How long a cached key is used before the key store is asked again. With a key store several
   * instances share, this bounds how long an instance that missed an erasure event (its feed was
   * down) can still open what another instance erased. Default: no limit (one instance per store).
   */
  readonly keyCacheTtlMs?: number;
}

type Keys = { readonly state: 'live'; readonly keys: Buffer[] } | { readonly state: 'erased' };

export class PersonalDataVault {
  private readonly keyCache: LRUCache<string, Buffer>;
  private readonly erased: LRUCache<string, true>;
  /** Keys being fetched or made, so concurrent callers share one round trip. */
  private readonly pending = new Map<string, Promise<Buffer | null>>();

  constructor(
    readonly keys: PersonalKeyStore,
    options: PersonalDataVaultOptions = {},
  ) {
    this.keyCache = new LRUCache<string, Buffer>({
      max: options.keyCacheSize ?? 10_000,
      ...(options.keyCacheTtlMs === undefined ? {} : { ttl: options.keyCacheTtlMs, ttlAutopurge: false }),
      dispose: (key) => key.fill(0),
    });
    this.erased = new LRUCache<string, true>({ max: options.erasedCacheSize ?? 100_000 });
  }

  /**
   * Seals a value for its subjects, making a key for any subject that has none.
   * @throws PersonalDataErasedError when a subject was erased
   */
  async seal(plaintext: string, subjects: readonly string[]): Promise<string> {
    const sorted = normaliseSubjects(subjects);
    const keys = await this.keysOf(sorted, 'create');
    if (keys.state === 'erased') throw new PersonalDataErasedError(sorted.find((subject) => this.erased.has(subject)) ?? sorted[0]!);
    try {
      return sealWithKeys(plaintext, sorted, keys.keys);
    } finally {
      for (const key of keys.keys) key.fill(0);
    }
  }

  /**
   * The plaintext of a sealed value; null when any of its subjects was erased (or for null). A
   * string that is not sealed is returned as it is.
   * @throws UnreadableSealedValueError when the value was altered
   * @throws PersonalKeyMissingError when the key store never held a subject's key
   */
  async open(value: string | null | undefined): Promise<string | null> {
    if (value === null || value === undefined) return null;
    if (!looksSealed(value)) return value;
    return this.openParts(parseSealed(value));
  }

  /**
   * For a string found where no rule declares personal data (free text, a copy in a view): the
   * plaintext, or null when erased. Text that is not of the sealed form is text someone typed and
   * is returned as it is; one of the sealed form that does not open (made up, or altered) is null,
   * never shown and never an error, so no typed text can break a whole answer.
   */
  async openFound(value: string): Promise<string | null> {
    if (!looksSealed(value)) return value;
    let parts: SealedParts;
    try {
      parts = parseSealed(value);
    } catch {
      return value;
    }
    try {
      return await this.openParts(parts);
    } catch (error) {
      if (error instanceof UnreadableSealedValueError || error instanceof PersonalKeyMissingError) return null;
      throw error;
    }
  }

  private async openParts(parts: SealedParts): Promise<string | null> {
    const keys = await this.keysOf(parts.subjects, 'existing');
    if (keys.state === 'erased') return null;
    try {
      return openWithKeys(parts, keys.keys);
    } finally {
      for (const key of keys.keys) key.fill(0);
    }
  }

  /**
   * A copy of a plain JSON-like value (a view, a snapshot) with every sealed string in it opened,
   * or null where its subjects were erased (see openFound).
   */
  async openDeep<T>(value: T): Promise<T> {
    if (looksSealed(value)) return (await this.openFound(value)) as T;
    if (Array.isArray(value)) return (await Promise.all(value.map((item) => this.openDeep(item)))) as T;
    if (isPlainObject(value)) {
      const entries = await Promise.all(Object.entries(value).map(async ([name, item]) => [name, await this.openDeep(item)] as const));
      return Object.fromEntries(entries) as T;
    }
    return value;
  }

  /** Whether the subject's personal data was erased (here, by another instance, or before). */
  async isErased(subjectId: string): Promise<boolean> {
    if (this.erased.has(subjectId)) return true;
    const destroyed = await this.keys.isDestroyed(subjectId);
    if (destroyed) this.forget(subjectId);
    return destroyed;
  }

  /**
   * Erases a subject: its key is destroyed durably, leaving a tombstone, and forgotten here.
   * Idempotent, so it is safe to run again for every erasure recorded (after a crash between
   * recording the erasure and destroying the key, the next start finishes it).
   */
  async erase(subjectId: string): Promise<void> {
    normaliseSubjects([subjectId]);
    // First here, so nothing opened or sealed in this process from now on uses the key.
    this.forget(subjectId);
    // Re-run for every erasure at each start: one already done costs a read, not a write.
    if (!(await this.keys.isDestroyed(subjectId))) await this.keys.destroy(subjectId);
  }

  /**
   * Drops the subject's key from this process and remembers the subject as erased, without
   * touching the key store: for an erasure another instance recorded (its key is destroyed there).
   */
  forget(subjectId: string): void {
    this.erased.set(subjectId, true);
    this.keyCache.delete(subjectId);
  }

  /** The command loop's sealing step for events declared by `rules` (see EventSealer). */
  sealer(rules: PersonalFieldRules): EventSealer {
    return {
      seal: (events) => this.sealEvents(events, rules),
      commandHash: (payloadHash, subjects) => this.commandHash(payloadHash, subjects),
      sameCommand: (recorded, payloadHash) => this.sameCommand(recorded, payloadHash),
    };
  }

  /** Closes the key store. */
  async close(): Promise<void> {
    this.keyCache.clear();
    await this.keys.close();
  }

  private async sealEvents<E extends DomainEvent>(events: readonly E[], rules: PersonalFieldRules): Promise<{ events: E[]; subjects: string[] }> {
    const subjects = new Set<string>();
    const sealed: E[] = [];
    for (const event of events) {
      const rule = Object.hasOwn(rules, event.type) ? rules[event.type] : undefined;
      const data = event.data as Readonly<Record<string, unknown>> | null;
      if (!rule || data === null || typeof data !== 'object') {
        sealed.push(event);
        continue;
      }
      const toSeal: string[] = [];
      for (const field of rule.fields) {
        const value = data[field];
        if (value === null || value === undefined) continue;
        if (typeof value !== 'string') throw new TypeError(`${event.type}.${field} is declared personal but holds a ${typeof value}, not a string`);
        if (!(await this.isSealedHere(value))) toSeal.push(field);
      }
      if (toSeal.length === 0) {
        sealed.push(event);
        continue;
      }
      const owners = normaliseSubjects(rule.subjects(data));
      const replaced: Record<string, unknown> = { ...data };
      for (const field of toSeal) replaced[field] = await this.seal(data[field] as string, owners);
      for (const owner of owners) subjects.add(owner);
      sealed.push({ ...event, data: replaced } as E);
    }
    return { events: sealed, subjects: [...subjects].sort() };
  }

  /**
   * A value a decider copied from sealed state is kept as it is. Anything else with the prefix is
   * text someone typed and is sealed like any other (so "pd1.…" typed as a name is no way around it).
   */
  private async isSealedHere(value: string): Promise<boolean> {
    if (!looksSealed(value)) return false;
    try {
      return (await this.open(value)) !== null;
    } catch (error) {
      if (error instanceof UnreadableSealedValueError || error instanceof PersonalKeyMissingError) return false;
      throw error;
    }
  }

  private async commandHash(payloadHash: string, subjects: readonly string[]): Promise<string> {
    if (subjects.length === 0) return payloadHash;
    const sorted = normaliseSubjects(subjects);
    const keys = await this.keysOf(sorted, 'existing');
    if (keys.state === 'erased') throw new PersonalDataErasedError(sorted[0]!);
    return keyedCommandHash(sorted, keys.keys, payloadHash);
  }

  private async sameCommand(recorded: string, payloadHash: string): Promise<boolean> {
    const keyed = parseKeyedCommandHash(recorded);
    if (!keyed) return recorded === payloadHash;
    const keys = await this.keysOf(keyed.subjects, 'existing');
    return keys.state === 'erased' || keyedHashMatches(keyed, keys.keys, payloadHash);
  }

  /** The keys of sorted subjects, copies the caller wipes; 'erased' when any subject was erased. */
  private async keysOf(subjects: readonly string[], mode: 'create' | 'existing'): Promise<Keys> {
    if (subjects.some((subject) => this.erased.has(subject))) return { state: 'erased' };
    const found = await Promise.all(subjects.map((subject) => this.keyOf(subject, mode)));
    if (found.some((key) => key === null)) {
      for (const key of found) key?.fill(0);
      return { state: 'erased' };
    }
    return { state: 'live', keys: found as Buffer[] };
  }

  /** A copy of one subject's key; null when erased. */
  private async keyOf(subject: string, mode: 'create' | 'existing'): Promise<Buffer | null> {
    const cached = this.keyCache.get(subject);
    if (cached) return Buffer.from(cached);
    const request = `${mode}:${subject}`;
    let fetching = this.pending.get(request);
    if (!fetching) {
      fetching = this.fetchKey(subject, mode).finally(() => this.pending.delete(request));
      this.pending.set(request, fetching);
    }
    const key = await fetching;
    return key && Buffer.from(key);
  }

  private async fetchKey(subject: string, mode: 'create' | 'existing'): Promise<Buffer | null> {
    let key: Buffer;
    if (mode === 'create') {
      try {
        key = await this.keys.keyFor(subject);
      } catch (error) {
        if (!(error instanceof PersonalDataErasedError)) throw error;
        this.forget(subject);
        return null;
      }
    } else {
      const found = await this.keys.lookup(subject);
      if (found.state === 'destroyed') {
        this.forget(subject);
        return null;
      }
      if (found.state === 'absent') throw new PersonalKeyMissingError(subject, this.keys.name);
      key = found.key;
    }
    // Erased while the key was on its way: it must not come back into the cache.
    if (this.erased.has(subject)) {
      key.fill(0);
      return null;
    }
    // The cache holds its own copy: evicting it wipes that copy, never one a caller is reading.
    this.keyCache.set(subject, Buffer.from(key));
    return key;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
