import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CommandContext, Decider, DomainEvent } from '@throughline/domain';
import { CommandAlreadyRecordedError, WrongExpectedRevisionError } from '../errors';
import type { CommandRecord, EventMetadata, EventStore, GlobalPosition } from '../event-store.port';
import { ConflictError, IdempotencyKeyReusedError } from './command-errors';
import type { EventSealer } from './event-sealer';
import { cachedFold, cacheFold, foldOnto, loadFolded, NO_VIEW, type Aggregate, type Folded } from './fold-stream';
import type { KeyedLock } from './keyed-lock';
import type { StateCache } from './state-cache';

export interface CommandEnvelope<C> {
  readonly streamId: string;
  readonly command: C;
  readonly context: CommandContext;
  /** Who, why and in which conversation; actor is the authenticated subject. */
  readonly metadata: Omit<EventMetadata, 'commandId'>;
  /** The revision the client saw; a mismatch is a conflict, never retried. */
  readonly expectedRevision?: number | null;
  /** Client-chosen idempotency key with the hash of the payload it stands for. */
  readonly idempotency?: { readonly commandId: string; readonly payloadHash: string } | null;
}

export interface CommandOutcome<S, V = null> {
  readonly streamId: string;
  /** The stream's revision after the command (-1 when nothing exists). */
  readonly revision: number;
  /** Global position of the last event appended; null when nothing was appended. */
  readonly position: GlobalPosition | null;
  readonly appended: number;
  /** True when the commandId was carried out before and this call appended nothing. */
  readonly duplicate: boolean;
  /** The decider's state after the command (for a duplicate: after the first attempt). */
  readonly state: S;
  /** The view after the command, folded in the same pass as the state. */
  readonly view: V;
}

export interface HandleOptions<S = unknown, V = unknown> {
  readonly cache?: StateCache;
  /** Serialises commands per stream in this process; shared by every caller of one store. */
  readonly lock?: KeyedLock;
  /** Attempts when another writer got in first and the client gave no expectedRevision. */
  readonly maxAttempts?: number;
  /**
   * The stream as someone in this request already folded it (the permission check): the first
   * attempt decides on it without reading the store again. The append at its revision still
   * guards against a writer in between, and a retry reads afresh.
   */
  readonly start?: Folded<S, V> | null;
  /**
   * Seals the personal fields of the decided events before anything else sees them: the fold,
   * the cache and the store only ever hold the sealed form, and a command whose payload named a
   * person keeps a payload hash that dies with that person's key. Absent: events as decided.
   */
  readonly seal?: EventSealer;
}

/** Stable hash of a command payload: key order and undefined fields do not matter. */
export const payloadHash = (payload: unknown): string =>
  createHash('sha256')
    .update(canonicalize(JSON.parse(JSON.stringify(payload ?? null))) ?? 'null')
    .digest('hex');

/**
 * The one command-handling loop: read the stream, fold it, decide, append at the revision that
 * was read. Another writer in between makes the append fail; without a client expectedRevision
 * the loop tries again on fresh state, with one it reports the conflict. The answer is the fold
 * of the decider's state and of the view over the stream and the new events.
 */
export async function decideOn<C, E extends DomainEvent, S, V>(
  store: EventStore,
  aggregate: Aggregate<C, E, S, V>,
  envelope: CommandEnvelope<C>,
  options: HandleOptions<S, V> = {},
): Promise<CommandOutcome<S, V>> {
  return options.lock
    ? options.lock.run(envelope.streamId, () => decideAndAppend(store, aggregate, envelope, options))
    : decideAndAppend(store, aggregate, envelope, options);
}

/** `decideOn` for callers that need only the decider's state (the seed writer, benchmarks). */
export function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  envelope: CommandEnvelope<C>,
  options: HandleOptions<S, null> = {},
): Promise<CommandOutcome<S, null>> {
  return decideOn(store, { decider, view: NO_VIEW }, envelope, options);
}

/**
 * The fold to decide on first, and whether it was read from the store just now. A fold this
 * process cached (or the request loaded) is decided on without reading: the append at its
 * revision fails if another writer got in between, and the loop then reads what it missed.
 * Without a read it answers at once rather than through a promise.
 */
function firstFold<E extends DomainEvent, S, V>(
  store: EventStore,
  aggregate: Aggregate<unknown, E, S, V>,
  streamId: string,
  options: HandleOptions<S, V>,
): { folded: Folded<S, V>; unread: boolean } | Promise<{ folded: Folded<S, V>; unread: boolean }> {
  const { start, cache } = options;
  // A command of this process that ran between the request's check and now has cached a later fold.
  const cached = cachedFold<S, V>(cache, streamId);
  if (cached && !(start && start.revision >= cached.revision)) return { folded: cached, unread: true };
  if (start) return { folded: start, unread: true };
  return loadFolded(store, aggregate, streamId, cache).then((folded) => ({ folded, unread: false }));
}

async function decideAndAppend<C, E extends DomainEvent, S, V>(
  store: EventStore,
  aggregate: Aggregate<C, E, S, V>,
  envelope: CommandEnvelope<C>,
  options: HandleOptions<S, V>,
): Promise<CommandOutcome<S, V>> {
  const { streamId, idempotency } = envelope;
  const maxAttempts = options.maxAttempts ?? 5;

  if (idempotency) {
    const record = await store.findCommand(idempotency.commandId);
    if (record) return replay(store, aggregate, record, idempotency.payloadHash, options.seal);
  }

  const first = firstFold(store, aggregate, streamId, options);
  let { folded, unread } = first instanceof Promise ? await first : first;
  /** Reads what a fold taken without reading may have missed; true when there was something. */
  const caughtUp = async (): Promise<boolean> => {
    if (!unread) return false;
    const fresh = await loadFolded(store, aggregate, streamId, options.cache);
    unread = false;
    if (fresh.revision === folded.revision) return false;
    folded = fresh;
    return true;
  };
  for (let attempt = 1; ; attempt++) {
    const expected = envelope.expectedRevision;
    if (expected !== undefined && expected !== null && expected !== folded.revision) {
      // A fold taken without reading may be behind the revision the client saw.
      if ((await caughtUp()) && expected === folded.revision) continue;
      throw new ConflictError(streamId, folded.revision, expected);
    }

    let decided: E[];
    try {
      decided = aggregate.decider.decide(envelope.command, folded.state, envelope.context);
    } catch (refusal) {
      // A refusal must be judged on the stream as it is, not on a fold that may be behind it.
      if (await caughtUp()) continue;
      throw refusal;
    }
    if (decided.length === 0) {
      if (await caughtUp()) continue;
      return { streamId, revision: folded.revision, position: null, appended: 0, duplicate: false, state: folded.state, view: folded.view };
    }
    const { events, subjects } = options.seal ? await options.seal.seal(decided) : { events: decided, subjects: [] };

    const metadata: EventMetadata = { ...envelope.metadata, ...(idempotency ? { commandId: idempotency.commandId } : {}) };
    const command = idempotency && {
      id: idempotency.commandId,
      hash: options.seal ? await options.seal.commandHash(idempotency.payloadHash, subjects) : idempotency.payloadHash,
    };
    try {
      const result = await store.append(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })),
        folded.revision === -1 ? 'no_stream' : folded.revision,
        command ? { command } : undefined,
      );
      // The new events, as the store recorded them: one instant, consecutive revisions.
      const first = result.nextRevision - events.length + 1;
      const next = foldOnto(aggregate, folded, events, (i) => ({ revision: first + i, recordedAt: result.recordedAt, actor: metadata.actor }));
      cacheFold(options.cache, streamId, next);
      return { streamId, revision: next.revision, position: result.position, appended: events.length, duplicate: false, state: next.state, view: next.view };
    } catch (error) {
      if (error instanceof CommandAlreadyRecordedError && idempotency) {
        return replay(store, aggregate, error.record, idempotency.payloadHash, options.seal);
      }
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (expected !== undefined && expected !== null) {
        throw new ConflictError(streamId, error.currentRevision, expected);
      }
      if (attempt >= maxAttempts) throw new ConflictError(streamId, error.currentRevision, null);
      folded = await loadFolded(store, aggregate, streamId, options.cache);
      unread = false;
    }
  }
}

/**
 * A repeated command appends nothing and answers what the first attempt answered: its stream
 * folded up to the revision that attempt left it at (the record says which), not the stream as
 * later commands have changed it.
 */
async function replay<E extends DomainEvent, S, V>(
  store: EventStore,
  aggregate: Aggregate<unknown, E, S, V>,
  record: CommandRecord,
  payloadHash: string,
  seal: EventSealer | undefined,
): Promise<CommandOutcome<S, V>> {
  const same = seal ? await seal.sameCommand(record.commandHash, payloadHash) : record.commandHash === payloadHash;
  if (!same) throw new IdempotencyKeyReusedError(record.commandId);
  const { state, view } = await loadFolded(store, aggregate, record.streamId, undefined, record.toRevision);
  return { streamId: record.streamId, revision: record.toRevision, position: null, appended: 0, duplicate: true, state, view };
}
