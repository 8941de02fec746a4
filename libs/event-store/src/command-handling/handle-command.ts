import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CommandContext, Decider, DomainEvent } from '@throughline/domain';
import { CommandAlreadyRecordedError, WrongExpectedRevisionError } from '../errors';
import type { CommandRecord, EventMetadata, EventStore, GlobalPosition } from '../event-store.port';
import { ConflictError, IdempotencyKeyReusedError } from './command-errors';
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

export interface CommandOutcome<S> {
  readonly streamId: string;
  /** The stream's revision after the command (-1 when nothing exists). */
  readonly revision: number;
  /** Global position of the last event appended; null when nothing was appended. */
  readonly position: GlobalPosition | null;
  readonly appended: number;
  /** True when the commandId was carried out before and this call appended nothing. */
  readonly duplicate: boolean;
  /** Folded state after the command; absent for a duplicate (read it from the stream). */
  readonly state?: S;
}

export interface HandleOptions {
  readonly cache?: StateCache;
  /** Serialises commands per stream in this process; shared by every caller of one store. */
  readonly lock?: KeyedLock;
  /** Attempts when another writer got in first and the client gave no expectedRevision. */
  readonly maxAttempts?: number;
}

/** Stable hash of a command payload: key order and undefined fields do not matter. */
export const payloadHash = (payload: unknown): string =>
  createHash('sha256')
    .update(canonicalize(JSON.parse(JSON.stringify(payload ?? null))) ?? 'null')
    .digest('hex');

/**
 * The one command-handling loop: read the stream, fold it, decide, append at the revision that
 * was read. Another writer in between makes the append fail; without a client expectedRevision
 * the loop tries again on fresh state, with one it reports the conflict.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  envelope: CommandEnvelope<C>,
  options: HandleOptions = {},
): Promise<CommandOutcome<S>> {
  return options.lock
    ? options.lock.run(envelope.streamId, () => decideAndAppend(store, decider, envelope, options))
    : decideAndAppend(store, decider, envelope, options);
}

async function decideAndAppend<C, E extends DomainEvent, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  envelope: CommandEnvelope<C>,
  options: HandleOptions,
): Promise<CommandOutcome<S>> {
  const { streamId, idempotency } = envelope;
  const maxAttempts = options.maxAttempts ?? 5;

  if (idempotency) {
    const record = await store.findCommand(idempotency.commandId);
    if (record) return replay(record, idempotency.payloadHash);
  }

  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await load(store, decider, streamId, options.cache);
    const expected = envelope.expectedRevision;
    if (expected !== undefined && expected !== null && expected !== revision) {
      throw new ConflictError(streamId, revision, expected);
    }

    const events = decider.decide(envelope.command, state, envelope.context);
    if (events.length === 0) return { streamId, revision, position: null, appended: 0, duplicate: false, state };

    const metadata: EventMetadata = { ...envelope.metadata, ...(idempotency ? { commandId: idempotency.commandId } : {}) };
    try {
      const result = await store.append(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata })),
        revision === -1 ? 'no_stream' : revision,
        idempotency ? { command: { id: idempotency.commandId, hash: idempotency.payloadHash } } : undefined,
      );
      const next = events.reduce(decider.evolve, state);
      options.cache?.set(streamId, next, result.nextRevision);
      return { streamId, revision: result.nextRevision, position: result.position, appended: events.length, duplicate: false, state: next };
    } catch (error) {
      if (error instanceof CommandAlreadyRecordedError && idempotency) {
        return replay(error.record, idempotency.payloadHash);
      }
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (expected !== undefined && expected !== null) {
        throw new ConflictError(streamId, error.currentRevision, expected);
      }
      if (attempt >= maxAttempts) throw new ConflictError(streamId, error.currentRevision, null);
    }
  }
}

const replay = <S>(record: CommandRecord, payloadHash: string): CommandOutcome<S> => {
  if (record.commandHash !== payloadHash) throw new IdempotencyKeyReusedError(record.commandId);
  return { streamId: record.streamId, revision: record.toRevision, position: null, appended: 0, duplicate: true };
};

/** Folds a stream, starting from the cached state when there is one. */
export async function load<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  streamId: string,
  cache?: StateCache,
): Promise<{ state: S; revision: number }> {
  const cached = cache?.get<S>(streamId);
  let state = cached?.state ?? decider.initialState;
  let revision = cached?.revision ?? -1;
  const events = await store.readStream(streamId, { fromRevision: revision + 1 });
  for (const event of events) {
    state = decider.evolve(state, { type: event.type, data: event.data } as E);
    revision = event.revision;
  }
  if (cache && events.length > 0) cache.set(streamId, state, revision);
  return { state, revision };
}
