/**
 * What every gRPC service of one EventStoreDB test double node reads: the log (shared by the nodes
 * of one cluster), the node's clock, its role, and the faults a test injected.
 */
import type { ServerDuplexStream, ServerReadableStream, ServerUnaryCall, ServerWritableStream } from '@grpc/grpc-js';
import type { DoubleLog } from './double-log';

/**
 * An injected failure of appends to one stream:
 * - 'drop-request': swallowed unanswered (a request lost on the way);
 * - 'drop-answer': stored, the answer never sent (a connection lost right after the commit);
 * - 'concurrent-writer': another writer's event lands just before the append is processed;
 * - 'access-denied': refused by the authorization check, nothing stored;
 * - 'stream-deleted': the stream was deleted for good (tombstoned), nothing stored;
 * - 'commit-timeout': stored, but answered as the server answers a write whose commit was not
 *   acknowledged in time (OperationResult.CommitTimeout): a timeout that does not mean "not written".
 */
export type AppendFault = 'drop-request' | 'drop-answer' | 'concurrent-writer' | 'access-denied' | 'stream-deleted' | 'commit-timeout';

/** An injected failure of reads of one stream, or of `$all` for reads and subscriptions of $all. */
export type ReadFault = 'access-denied' | 'stream-deleted';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

export interface DoubleNode {
  readonly log: DoubleLog;
  /** The node's clock in ms since the epoch; a test may set it apart from the test's own. */
  now(): number;
  appendFault(streamName: string): AppendFault | undefined;
  readFault(streamName: string): ReadFault | undefined;
  /** The leader's endpoint while this node is a follower; null while it is the leader. */
  leaderEndpoint(): Endpoint | null;
  /** How many events of $all this node's reads see: fewer on a follower behind the leader. */
  replicated(): number;
  /** Whether live events wait undelivered on the node's subscriptions (a slow subscriber). */
  subscriptionsPaused(): boolean;
  /** Registers a callback run when paused subscriptions resume; returns an unregister. */
  onResume(listener: () => void): () => void;
}

type AnyCall =
  | ServerUnaryCall<unknown, unknown>
  | ServerWritableStream<unknown, unknown>
  | ServerReadableStream<unknown, unknown>
  | ServerDuplexStream<unknown, unknown>;

/** Whether the client asked for the leader only (the `requires-leader` header). */
export function requiresLeader(call: AnyCall): boolean {
  return String(call.metadata.get('requires-leader')[0] ?? '') === 'true';
}
