/**
 * The EventStore port on EventStoreDB, through @eventstore/db-client.
 *
 * Deadlines. Every call to the server runs under a deadline of our own (`deadlineMs`, default 5 s):
 * the client leaves reads, subscriptions and batched appends without one, and a server that accepts
 * the connection but never answers would hold them forever. A missed deadline or a connection
 * failure becomes StoreUnavailableError naming the target `host:port`, never the credentials.
 *
 * The server's side. Every call requires the leader and is retried on its NotLeader answer within
 * the deadline (see EventStoreDbCalls); appends go through the Append rpc, whose deadline is
 * relative, so a clock skew against the server costs nothing. A refusal for good (access denied, a
 * deleted stream) is EventStoreDbRefusedError; the server's own commit timeout is unavailability,
 * the write perhaps landed. Checkpoints that are no position of an event (2^64 - 1 above all) are
 * never reported (see EventStoreDbSubscription). The test double in test-double/ reproduces these
 * behaviours of the v24.10 server; its README lists what it does not.
 *
 * Positions and order. GlobalPosition is the $all commit position (each event has its own; they
 * grow but are not contiguous). The service's feed (readAll, headPosition, subscribeToAll) is $all
 * filtered on the server to the service's streams: by default every stream except system streams
 * (`$…`) and this adapter's internal streams (`_throughline.…`), or the configured prefixes.
 *
 * Appends. Each event's hash chains to the stream's previous event, so an append reads the stream's
 * last event and writes at exactly that revision (also for 'any' and 'stream_exists', retried when
 * another writer got in between). The caller's expectation is checked against that read and again
 * by the server; a server refusal reports the current revision the server answered. recordedAt is
 * stamped here, never earlier than the stream's last event nor this instance's last append; appends
 * of this instance are stamped and written one at a time so recordedAt follows $all order (a write
 * the server does not answer holds the next ones up to the deadline). That is the only lock an
 * append takes here (see EventStoreDbAppender.appendOrder): no per-stream lock, since the server's
 * revision check already refuses a write that lost a race. Across instances recordedAt follows
 * each stream always, and the global order up to the instances' clock skew.
 *
 * Permanent command idempotency (the client's event-id deduplication is a bounded cache, so it is
 * not relied on). An append with a command writes two things, in this order:
 *   1. a claim: `CommandClaimed` in the stream `_throughline.command-<commandId>`, written with
 *      expected no_stream (or exactly the revision of the claim it replaces), naming the target
 *      stream and the revisions the append will take;
 *   2. the events, at exactly the claimed revisions, each carrying the command marker (id, payload
 *      hash, revisions) in its metadata.
 * The command is recorded once its marked events exist at the claimed revision; findCommand and
 * append check both writes. Two writers of one command race on the claim; the loser waits for the
 * winner's outcome. Failure cases:
 *   - crash or lost request after the claim, before the events: the claim is pending, not a record.
 *     A retry into the same stream at the same revision replaces it at once (the two event writes
 *     exclude each other through the expected revision, so at most one lands). Any other retry waits
 *     until the claim is fenced (another event took the claimed revision, so it can never land),
 *     released, or older than `commandLeaseMs` — within one deadline, else StoreUnavailableError,
 *     and a later retry goes through: it never blocks for good.
 *   - the events were stored but the answer was lost (timeout, crash after the write): the marked
 *     events are the record, so the retry is refused with CommandAlreadyRecordedError and
 *     findCommand returns the record; nothing is appended twice.
 *   - the event write is refused (wrong expected version, too large, access denied, stream deleted): nothing
 *     landed; the claim is released. If the release is lost too, it is fenced or expires as above.
 *   - events without a claim cannot come from this adapter (the claim is written first).
 * Residual risk: an event write delayed inside the server for longer than the lease, while a retry
 * for the same command went to another stream, could land after that retry: keep the lease well
 * above the server's write timeout and the instances' clock skew.
 *
 * Reading. readStream and readAll refuse an event this store did not write (no integrity envelope)
 * with an error naming it; readStreamStored and readAllStored return it marked `unreadable`, so an
 * integrity check reports it and goes on. subscribeToAll is an extra capability for projectors on
 * other instances (onAppended only reports this instance's appends).
 *
 * Personal keys. `personalKeys()` keeps each person's key in an internal stream of its own
 * (`_throughline.personal-key-<id>`, outside the feed) on this same server, so every instance
 * shares them and an erasure (a tombstone) holds for all; see eventstoredb-personal-key-store.ts.
 *
 * Not provided here: DuplicateEventIdError (EventStoreDB does not make event ids unique across
 * streams); event ids must be UUIDs.
 */
import type { RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import { AppendListeners } from '../append-listeners';
import { assertAppendable, resolveReadAll, resolveReadStream } from '../append-rules';
import { StoreUnavailableError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  CommandRecord,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import { type StoredEventReader, type StoredRecordedEvent, type Upcaster, Upcasters } from '../upcasting';
import type { StreamNameFilter } from './eventstoredb-all-reads';
import { EventStoreDbAppender } from './eventstoredb-appender';
import { EventStoreDbCalls } from './eventstoredb-calls';
import { DeadlineExceededError, withDeadline } from './with-deadline';
import { EventStoreDbPersonalKeyStore } from './eventstoredb-personal-key-store';
import { type DecodedEvent, decodeEvent, decodeStoredEvent } from './eventstoredb-envelope';
import { assertStorable, assertStoredBatch, feedFilterOf, positiveInteger } from './eventstoredb-rules';
import { type AllSubscriptionOptions, EventStoreDbSubscription } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://node1:2113,node2:2113,node3:2113?tls=true` or `esdb://localhost:2113?tls=false`. */
  readonly connectionString: string;
  /** Deadline of every call to the server, in ms. Default 5000. */
  readonly deadlineMs?: number;
  /**
   * Stream-name prefixes of the service's own streams (e.g. `['pmo-', 'objective-']`) that the feed
   * keeps. Default: every stream except system (`$…`) and internal (`_throughline.…`) streams.
   */
  readonly streamPrefixes?: readonly string[];
  /** How long a claim whose events never arrived holds back a retry into another stream. Default 30 s. */
  readonly commandLeaseMs?: number;
  readonly clock?: () => Date;
  readonly upcasters?: Upcasters | readonly Upcaster[];
}

const DEFAULT_DEADLINE_MS = 5_000;
/**
 * The start-up check waits at most this long whatever the per-call deadline: with the client's
 * loading and connecting around it, a service that cannot reach its store stops within 15 s.
 */
const OPEN_CHECK_MAX_MS = 8_000;
const DEFAULT_COMMAND_LEASE_MS = 30_000;

export class EventStoreDbEventStore implements EventStore, StoredEventReader {
  readonly name = 'eventstoredb';
  /** The server(s) as `host:port`, for logs and messages; never carries credentials. */
  readonly target: string;
  private readonly calls: EventStoreDbCalls;
  private readonly appender: EventStoreDbAppender;
  private readonly upcasters: Upcasters;
  private readonly feedFilter: StreamNameFilter;
  private readonly listeners = new AppendListeners();
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private closing: Promise<void> | undefined;

  constructor(options: EventStoreDbEventStoreOptions) {
    const deadlineMs = positiveInteger(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'deadlineMs');
    const commandLeaseMs = positiveInteger(options.commandLeaseMs ?? DEFAULT_COMMAND_LEASE_MS, 'commandLeaseMs');
    this.feedFilter = feedFilterOf(options.streamPrefixes);
    this.upcasters = Upcasters.from(options.upcasters);
    this.calls = new EventStoreDbCalls(options.connectionString, deadlineMs);
    this.target = this.calls.target;
    this.appender = new EventStoreDbAppender(this.calls, options.clock ?? (() => new Date()), commandLeaseMs);
  }

  /** Creates the store and checks, within the deadline, that the server answers reads of $all. */
  static async open(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const store = new EventStoreDbEventStore(options);
    const checkMs = Math.min(store.calls.deadlineMs, OPEN_CHECK_MAX_MS);
    try {
      await withDeadline(checkMs, () => store.headPosition()).catch((error: unknown) => {
        if (!(error instanceof DeadlineExceededError)) throw error;
        throw new StoreUnavailableError(`EventStoreDB at ${store.target} did not answer within ${checkMs} ms`);
      });
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.calls.assertOpen();
    assertAppendable(streamId, events, expected);
    assertStorable(streamId, events);
    const result = await this.appender.append(streamId, events, expected, options.command);
    this.listeners.notify(result.position);
    return result;
  }

  /**
   * For a migration: writes one stream's events exactly as another store recorded them — ids,
   * schema versions, data, metadata with recordedAt, hashes — at their own revisions, which must
   * follow the stream's current revision. `commands` are the command records of these events
   * (each starting within them); findCommand finds them here afterwards. Running the same batch
   * again after an interruption appends nothing: the server answers it as an idempotent write.
   */
  async appendStored(events: readonly RecordedEvent[], commands: readonly CommandRecord[] = []): Promise<AppendResult> {
    this.calls.assertOpen();
    assertStoredBatch(events, commands);
    const streamId = events[0].streamId;
    assertStorable(streamId, events);
    const result = await this.appender.appendStored(events, commands);
    this.listeners.notify(result.position);
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.readStreamDecoded(streamId, options, decodeEvent)).map(({ event }) => this.upcasters.apply(event));
  }

  /** The events as stored, not upcast, damaged ones named in `unreadable`: what `verifyChain` checks. */
  async readStreamStored(streamId: string, options?: ReadStreamOptions): Promise<StoredRecordedEvent[]> {
    return this.readStreamDecoded(streamId, options, decodeStoredEvent);
  }

  async streamRevision(streamId: string): Promise<number> {
    const [last] = await this.calls.readStream(streamId, 'end', 'backwards', 1);
    return last ? Number(last.revision) : -1;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.readAllDecoded(options, decodeEvent)).map(({ event }) => this.upcasters.apply(event));
  }

  /** A batch of the service's feed as stored, not upcast, damaged events named in `unreadable`. */
  async readAllStored(options?: ReadAllOptions): Promise<StoredRecordedEvent[]> {
    return this.readAllDecoded(options, decodeStoredEvent);
  }

  async headPosition(): Promise<GlobalPosition | null> {
    const request = { from: 'end', direction: 'backwards', maxCount: 1, filter: this.feedFilter } as const;
    return this.calls.readAll('read of the end of $all', request, async (messages) => {
      for await (const message of messages) {
        if (message.kind === 'event') return message.resolved.event?.position?.commit ?? null;
      }
      return null;
    });
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.calls.assertOpen();
    const state = await this.appender.commandState(commandId);
    return state.kind === 'recorded' ? state.record : null;
  }

  onAppended(listener: (position: GlobalPosition) => void): () => void {
    return this.listeners.add(listener);
  }

  /**
   * A catch-up subscription to the service's feed after `after` (null: from the beginning), for a
   * projector on any instance; see EventStoreDbSubscription. Events are upcast like readAll's.
   */
  subscribeToAll(
    after: GlobalPosition | null,
    onEvent: (event: RecordedEvent) => void | Promise<void>,
    onError: (error: Error) => void,
    options: AllSubscriptionOptions = {},
  ): EventStoreDbSubscription {
    const subscription = new EventStoreDbSubscription({
      ...options,
      client: this.calls.subscriptionClient(),
      target: this.target,
      filter: this.feedFilter,
      after,
      endOfAll: () => this.calls.endOfAll(),
      confirmWithinMs: this.calls.deadlineMs,
      decode: (resolved) => this.upcasters.apply(decodeEvent(resolved.event).event),
      onEvent,
      onError,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * The personal keys on this server, shared by every instance that uses it (see
   * EventStoreDbPersonalKeyStore), over this store's connection and deadline.
   */
  personalKeys(): EventStoreDbPersonalKeyStore {
    return new EventStoreDbPersonalKeyStore(this.calls);
  }

  /** Ends subscriptions and releases the connection; calls after this are refused. Safe to call twice. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.listeners.clear();
      await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
      await this.calls.close();
    })();
    return this.closing;
  }

  private async readStreamDecoded<T extends DecodedEvent | StoredRecordedEvent>(
    streamId: string,
    options: ReadStreamOptions | undefined,
    decode: (event: ClientRecordedEvent) => T,
  ): Promise<T[]> {
    const { fromRevision, recordedAtOrBefore, maxCount } = resolveReadStream(options);
    if (maxCount === 0) return [];
    const decoded: T[] = [];
    // recordedAt never decreases along a stream, so nothing after the first later event is kept.
    await this.calls.readStream(streamId, BigInt(fromRevision), 'forwards', maxCount ?? Number.MAX_SAFE_INTEGER, (raw) => {
      const next = decode(raw);
      const { recordedAt } = ('event' in next ? (next as DecodedEvent).event : (next as StoredRecordedEvent)).metadata;
      if (recordedAtOrBefore !== undefined && recordedAt > recordedAtOrBefore) return false;
      decoded.push(next);
      return true;
    });
    return decoded;
  }

  private async readAllDecoded<T extends DecodedEvent | StoredRecordedEvent>(
    options: ReadAllOptions | undefined,
    decode: (event: ClientRecordedEvent) => T,
  ): Promise<T[]> {
    const { after, maxCount } = resolveReadAll(options);
    if (maxCount === 0) return [];
    // A read from a position includes the event there: ask for one more and drop it.
    const from = after > 0n ? after : 'start';
    const request = { from, direction: 'forwards', maxCount: maxCount + 1, filter: this.feedFilter } as const;
    return this.calls.readAll('read of $all', request, async (messages) => {
      const events: T[] = [];
      for await (const message of messages) {
        if (message.kind !== 'event' || (message.resolved.event?.position?.commit ?? 0n) <= after) continue;
        events.push(decode(message.resolved.event as ClientRecordedEvent));
        if (events.length === maxCount) break;
      }
      return events;
    });
  }
}
