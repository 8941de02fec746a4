/**
 * The gRPC errors the EventStoreDB test double ends a call with, as the server's RpcExceptions
 * (Services/Transport/Grpc/RpcExceptions.cs) builds them: a status code and message, and for the
 * errors a client must tell apart, an `exception` trailer the client maps to its own error type.
 */
import { Metadata, type ServerErrorResponse, status } from '@grpc/grpc-js';

function rpcError(code: status, details: string, trailers: Record<string, string> = {}): ServerErrorResponse {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export const accessDenied = (): ServerErrorResponse =>
  rpcError(status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });

export const streamDeleted = (streamName: string): ServerErrorResponse =>
  rpcError(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': streamName,
  });

/** A delete or tombstone whose expected revision does not hold (RpcExceptions.WrongExpectedVersion). */
export const wrongExpectedVersion = (operation: string, streamName: string, expected: bigint, actual: bigint): ServerErrorResponse =>
  rpcError(
    status.FAILED_PRECONDITION,
    `${operation} failed due to WrongExpectedVersion. Stream: ${streamName}, Expected version: ${expected}, Actual version: ${actual}`,
    { exception: 'wrong-expected-version', 'stream-name': streamName, 'expected-version': expected.toString(), 'actual-version': actual.toString() },
  );

/** A follower's answer to a request that requires the leader: where the leader is. */
export const notLeader = (host: string, port: number): ServerErrorResponse =>
  rpcError(status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': host,
    'leader-endpoint-port': String(port),
  });

/** The unary append's answer to a commit (or prepare, or forward) timeout inside the server. */
export const operationTimedOut = (message: string): ServerErrorResponse =>
  rpcError(status.ABORTED, `Operation timed out: ${message}`);

export const invalidPosition = (): ServerErrorResponse =>
  rpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');

export const maximumAppendSizeExceeded = (maxAppendSize: number): ServerErrorResponse =>
  rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });

export const invalidArgument = (details: string): ServerErrorResponse => rpcError(status.INVALID_ARGUMENT, details);
