import { ErrorType, EventStoreDBClient } from '@eventstore/db-client';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { StoreUnavailableError } from '../errors';
import { DeadlineExceededError } from './with-deadline';

/**
 * EventStoreDB refused the operation for good: the configured user may not do it, or the stream
 * was deleted (tombstoned) there. Retrying does not help; an operator has to act.
 */
export class EventStoreDbRefusedError extends Error {
  constructor(
    readonly reason: 'access-denied' | 'stream-deleted',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EventStoreDbRefusedError';
  }
}

/** A client and the connection target it talks to, named for messages without any credentials. */
export interface EventStoreDbConnection {
  readonly client: EventStoreDBClient;
  /** `host:port`, or several joined by commas for a cluster. */
  readonly target: string;
}

/**
 * Builds the client (no I/O yet). An unparsable connection string is refused with a message that
 * shows it with the credentials masked: the parser's own error repeats the string verbatim.
 */
export function connect(connectionString: string): EventStoreDbConnection {
  if (typeof connectionString !== 'string' || connectionString.trim() === '') {
    throw new TypeError('an EventStoreDB connection string is required (esdb://host:port?tls=false)');
  }
  let hosts: { address: string; port: number }[];
  try {
    hosts = parseConnectionString(connectionString).hosts;
  } catch {
    throw new TypeError(`not a valid EventStoreDB connection string: ${maskCredentials(connectionString)}`);
  }
  return {
    client: EventStoreDBClient.connectionString(connectionString),
    target: hosts.map(({ address, port }) => `${address}:${port}`).join(','),
  };
}

export function maskCredentials(connectionString: string): string {
  return connectionString.replace(/(:\/\/)[^@/]*@/, '$1***@');
}

const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);

/** Client types that only mean the operation could not be carried out now: retry later. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DeadlineExceededError || error instanceof StoreUnavailableError) return true;
  const { type, code, message } = (error ?? {}) as { type?: unknown; code?: unknown; message?: unknown };
  if (typeof type === 'string') return UNAVAILABLE_TYPES.has(type);
  // grpc status UNAVAILABLE / DEADLINE_EXCEEDED before the client wrapped it; discovery's give-up.
  return code === 14 || code === 4 || (typeof message === 'string' && message.startsWith('Failed to discover'));
}

/**
 * What a failed call becomes: StoreUnavailableError naming the target (never credentials) when the
 * server could not be reached or did not answer in time — its own commit timeout included, after
 * which the write may still land; EventStoreDbRefusedError for access denied and a deleted stream;
 * any other error unchanged (the caller decides what it means, e.g. a wrong expected version).
 */
export function toStoreError(error: unknown, target: string, operation: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof DeadlineExceededError) {
    return new StoreUnavailableError(`EventStoreDB at ${target} did not answer within ${error.ms} ms (${operation})`, {
      cause: error,
    });
  }
  if (isUnavailable(error)) {
    const detail = error instanceof Error && error.message ? `: ${error.message}` : '';
    return new StoreUnavailableError(`EventStoreDB at ${target} is unavailable (${operation})${detail}`, { cause: error });
  }
  const { type, maxAppendSize } = (error ?? {}) as { type?: unknown; maxAppendSize?: unknown };
  if (type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
    return new RangeError(`${operation} is larger than EventStoreDB at ${target} accepts at once (${String(maxAppendSize)} bytes)`, {
      cause: error,
    });
  }
  if (type === ErrorType.ACCESS_DENIED) {
    return new EventStoreDbRefusedError('access-denied', `EventStoreDB at ${target} refused ${operation}: access denied for the configured user`, {
      cause: error,
    });
  }
  if (type === ErrorType.STREAM_DELETED) {
    const { streamName } = error as { streamName?: unknown };
    const stream = typeof streamName === 'string' && streamName !== '' ? streamName : 'the stream';
    return new EventStoreDbRefusedError('stream-deleted', `EventStoreDB at ${target} refused ${operation}: ${stream} is deleted there for good`, {
      cause: error,
    });
  }
  return error;
}
