import {
  BACKWARDS,
  END,
  ErrorType,
  type EventData,
  type EventStoreDBClient,
  FORWARDS,
  type NO_STREAM,
  type RecordedEvent as ClientRecordedEvent,
} from '@eventstore/db-client';
import { append as appendThroughAppendRpc } from '@eventstore/db-client/dist/streams/appendToStream/append';
import { StoreUnavailableError } from '../errors';
import { type AllReadMessage, type AllReadRequest, readAllMessages } from './eventstoredb-all-reads';
import { connect, toStoreError } from './eventstoredb-connection';
import { withDeadline } from './with-deadline';

export type WriteAnswer =
  | { readonly ok: true; readonly revision: bigint; readonly position?: bigint }
  /** The server refused the expected revision; -1 when the stream does not exist. */
  | { readonly ok: false; readonly currentRevision: number };

/**
 * Every call to the server, each under the deadline: a missed deadline or an unreachable server
 * becomes StoreUnavailableError naming the target, never the credentials.
 *
 * Every call requires the leader. A follower may be behind the leader, and reading a stream's end
 * there would turn a current expected revision into a false conflict; with the requirement it
 * answers NotLeader, naming the leader, and the client's next call goes there. So a NotLeader
 * answer (nothing was carried out) is retried after a short pause, within the same deadline: a
 * leader change costs a retry, not a failed command.
 */
export class EventStoreDbCalls {
  readonly target: string;
  private readonly client: EventStoreDBClient;
  /** Whether any call was made, i.e. whether the client opened a channel to close. */
  private used = false;
  private closed = false;

  constructor(
    connectionString: string,
    readonly deadlineMs: number,
  ) {
    ({ client: this.client, target: this.target } = connect(connectionString));
  }

  /** Events of one stream as the client returns them, until `keep` first refuses one; [] when there is no stream. */
  readStream(
    streamId: string,
    from: bigint | 'end',
    direction: 'forwards' | 'backwards',
    maxCount: number,
    keep: (event: ClientRecordedEvent) => boolean = () => true,
  ): Promise<ClientRecordedEvent[]> {
    return this.call(`read of ${streamId}`, async (signal) => {
      const read = this.client.readStream(streamId, {
        fromRevision: from === 'end' ? END : from,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount,
        requiresLeader: true,
      });
      const cancel = () => void read.cancel();
      signal.addEventListener('abort', cancel);
      const events: ClientRecordedEvent[] = [];
      let keeping = true;
      try {
        // Read to the end even after the last event kept: leaving early would leave the client's
        // underlying call unconsumed, and the client's dispose() would then wait for it forever.
        for await (const resolved of read) {
          keeping &&= resolved.event !== undefined && keep(resolved.event);
          if (keeping) events.push(resolved.event as ClientRecordedEvent);
        }
        return events;
      } catch (error) {
        if ((error as { type?: unknown }).type === 'stream-not-found') return [];
        throw error;
      } finally {
        signal.removeEventListener('abort', cancel);
        cancel();
      }
    });
  }

  /** Runs `consume` over a filtered read of $all, under one deadline for the whole read. */
  readAll<T>(operation: string, request: AllReadRequest, consume: (messages: AsyncIterable<AllReadMessage>) => Promise<T>): Promise<T> {
    return this.call(operation, (signal) => consume(readAllMessages(this.client, request, signal)));
  }

  /** Position of the last event in $all, system and internal events included; null when empty. */
  endOfAll(): Promise<bigint | null> {
    const request = { from: 'end', direction: 'backwards', maxCount: 1, filter: null } as const;
    return this.readAll('read of the end of $all', request, async (messages) => {
      for await (const message of messages) {
        if (message.kind === 'event') return message.resolved.event?.position?.commit ?? null;
      }
      return null;
    });
  }

  /**
   * One append; a wrong expected version is an answer, not an error. It goes through the Append
   * rpc, not BatchAppend: the client (6.2.1) sends a batch append's deadline as an absolute time
   * the server compares with its own clock, so a service clock a deadline behind the server's
   * would time out every append; Append's deadline travels as gRPC's relative timeout.
   */
  async append(streamName: string, events: EventData[], expectedRevision: bigint | typeof NO_STREAM): Promise<WriteAnswer> {
    try {
      const result = await this.call(`append to ${streamName}`, () =>
        appendThroughAppendRpc.call(this.client, streamName, events, {
          expectedRevision,
          batchAppendSize: Number.MAX_SAFE_INTEGER,
          deadline: this.deadlineMs,
          requiresLeader: true,
        }),
      );
      return { ok: true, revision: result.nextExpectedRevision, position: result.position?.commit };
    } catch (error) {
      const { type, actualVersion } = (error ?? {}) as { type?: unknown; actualVersion?: unknown };
      if (type !== 'wrong-expected-version') throw error;
      return { ok: false, currentRevision: typeof actualVersion === 'bigint' ? Number(actualVersion) : -1 };
    }
  }

  /**
   * Deletes a stream for good (a tombstone: it can never be written again); its events leave the
   * server's disk at the next scavenge of their chunk. A stream deleted before is
   * EventStoreDbRefusedError('stream-deleted').
   */
  async tombstone(streamName: string): Promise<void> {
    await this.call(`tombstone of ${streamName}`, () => this.client.tombstoneStream(streamName, { requiresLeader: true, deadline: this.deadlineMs }));
  }

  /** The client for long-lived subscriptions, which keep their own deadline for the confirmation. */
  subscriptionClient(): EventStoreDBClient {
    this.assertOpen();
    this.used = true;
    return this.client;
  }

  /** Cancels what runs and closes the connection; never waits longer than the deadline. */
  async close(): Promise<void> {
    this.closed = true;
    await withDeadline(this.deadlineMs, () => this.client.dispose()).catch(() => undefined);
    if (this.used) await closeChannel(this.client);
  }

  assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError(`the eventstoredb event store for ${this.target} is closed`);
  }

  private async call<T>(operation: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.assertOpen();
    this.used = true;
    try {
      return await withDeadline(this.deadlineMs, async (signal) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await work(signal);
          } catch (error) {
            if ((error as { type?: unknown }).type !== ErrorType.NOT_LEADER || signal.aborted) throw error;
            // Let the client switch its channel to the leader the answer named before retrying.
            await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * attempt)));
          }
        }
      });
    } catch (error) {
      throw toStoreError(error, this.target, operation);
    }
  }
}

/**
 * The client (6.2.1) offers no way to close its channel: `dispose` only cancels streams. Close it
 * through the protected accessor the client's own operations use.
 */
async function closeChannel(client: EventStoreDBClient): Promise<void> {
  const internals = client as unknown as { getChannel(): Promise<{ close(): void }> };
  try {
    const channel = await withDeadline(1_000, () => internals.getChannel());
    channel.close();
  } catch {
    // Discovery could not reach any node: no channel is left open either way.
  }
}
