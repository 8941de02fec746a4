/**
 * Append and BatchAppend of the EventStoreDB test double, in the order the server's
 * Services/Transport/Grpc/Streams.Append.cs and Streams.BatchAppend.cs check things: the
 * authorization, the deadline (BatchAppend), the size, then the write with its outcome — success,
 * wrong expected version, stream deleted, or a timeout — and a follower's NotLeader answer.
 */
import type { sendUnaryData, ServerDuplexStream, ServerReadableStream } from '@grpc/grpc-js';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState, ProposedEvent, WriteOutcome } from './double-log';
import {
  accessDeniedStatus,
  appendWrongExpectedVersion,
  BadRequestError,
  badRequestStatus,
  maximumAppendSizeExceededStatus,
  streamDeletedStatus,
  streamIdentifier,
  streamNameOf,
  timeoutStatus,
  uuidOf,
  wrongExpectedVersionStatus,
} from './double-messages';
import { type DoubleNode, requiresLeader } from './double-node';
import { appendExpectation, appendSize, batchExpectation, proposedEvent } from './double-requests';
import * as rpc from './double-rpc-errors';

/** The server's default MaxAppendSize: 1 MiB per append. */
export const MAX_APPEND_SIZE = 1_048_576;

type Written =
  | { readonly kind: 'written'; readonly outcome: WriteOutcome; readonly answered: boolean }
  | { readonly kind: 'dropped' | 'stream-deleted' | 'not-leader' | 'commit-timeout' };

/**
 * The write itself (ClientMessage.WriteEvents): a follower refuses it when the client requires
 * the leader, and otherwise forwards it (here: writes to the log the cluster shares).
 */
function write(node: DoubleNode, leaderOnly: boolean, streamName: string, expected: ExpectedState, events: ProposedEvent[]): Written {
  if (leaderOnly && node.leaderEndpoint()) return { kind: 'not-leader' };
  const fault = node.appendFault(streamName);
  if (fault === 'drop-request') return { kind: 'dropped' };
  if (fault === 'stream-deleted' || node.log.isTombstoned(streamName)) return { kind: 'stream-deleted' };
  if (fault === 'concurrent-writer') node.log.writeForeignEvent(streamName);
  const outcome = node.log.write(streamName, expected, events);
  if (fault === 'commit-timeout') return { kind: 'commit-timeout' };
  return { kind: 'written', outcome, answered: fault !== 'drop-answer' };
}

export function append(node: DoubleNode, call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
  let streamName = '';
  let expected: ExpectedState | null = null;
  let failed = false;
  const proposed: ProposedEvent[] = [];
  const fail = (error: Parameters<sendUnaryData<AppendResp>>[0]) => {
    if (!failed) callback(error);
    failed = true;
  };
  call.on('data', (request: AppendReq) => {
    try {
      if (request.hasOptions()) {
        const options = request.getOptions() as AppendReq.Options;
        streamName = streamNameOf(options.getStreamIdentifier());
        expected = appendExpectation(options);
        if (node.appendFault(streamName) === 'access-denied') fail(rpc.accessDenied());
      } else {
        proposed.push(proposedEvent(request.getProposedMessage() as AppendReq.ProposedMessage));
        if (appendSize(proposed) > MAX_APPEND_SIZE) fail(rpc.maximumAppendSizeExceeded(MAX_APPEND_SIZE));
      }
    } catch (error) {
      fail(rpc.invalidArgument((error as Error).message));
    }
  });
  call.on('end', () => {
    if (failed) return;
    if (expected === null) return fail(rpc.invalidArgument('Options were not sent first.'));
    const written = write(node, requiresLeader(call), streamName, expected, proposed);
    switch (written.kind) {
      case 'dropped':
        return;
      case 'not-leader': {
        const leader = node.leaderEndpoint() as { host: string; port: number };
        return fail(rpc.notLeader(leader.host, leader.port));
      }
      case 'stream-deleted':
        return fail(rpc.streamDeleted(streamName));
      case 'commit-timeout':
        return fail(rpc.operationTimedOut('Commit timeout.'));
      case 'written': {
        if (!written.answered) return;
        const { outcome } = written;
        callback(null, outcome.ok ? new AppendResp().setSuccess(appendSuccess(outcome)) : appendWrongExpectedVersion(outcome.currentRevision, expected));
      }
    }
  });
}

interface PendingBatch {
  readonly streamName: string;
  readonly expected: ExpectedState;
  readonly events: ProposedEvent[];
}

export function batchAppend(node: DoubleNode, call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
  const pending = new Map<string, PendingBatch>();
  const leaderOnly = requiresLeader(call);
  let ended = false;
  call.on('data', (request: BatchAppendReq) => {
    if (ended) return;
    const correlationId = request.getCorrelationId();
    let streamName = '';
    const answer = () => new BatchAppendResp().setCorrelationId(correlationId).setStreamIdentifier(streamIdentifier(streamName));
    try {
      const key = uuidOf(correlationId);
      const options = request.getOptions();
      if (options) {
        streamName = streamNameOf(options.getStreamIdentifier());
        if (node.appendFault(streamName) === 'access-denied') return void call.write(answer().setError(accessDeniedStatus()));
        // The client (6.2.1) sends an absolute deadline; the server subtracts its own clock from it.
        const deadline = options.getDeadline()?.toDate().getTime() ?? Number.POSITIVE_INFINITY;
        if (deadline - node.now() <= 0) return void call.write(answer().setError(timeoutStatus()));
        pending.set(key, { streamName, expected: batchExpectation(options), events: [] });
      }
      const batch = pending.get(key);
      if (!batch) return;
      streamName = batch.streamName;
      batch.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (appendSize(batch.events) > MAX_APPEND_SIZE) {
        pending.delete(key);
        return void call.write(answer().setError(maximumAppendSizeExceededStatus(MAX_APPEND_SIZE)));
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);

      const written = write(node, leaderOnly, streamName, batch.expected, batch.events);
      switch (written.kind) {
        case 'dropped':
          return;
        case 'not-leader': {
          // The server throws the leader info out of the write's callback, which ends the call.
          const leader = node.leaderEndpoint() as { host: string; port: number };
          ended = true;
          return void call.emit('error', rpc.notLeader(leader.host, leader.port));
        }
        case 'stream-deleted':
          return void call.write(answer().setError(streamDeletedStatus(streamName)));
        case 'commit-timeout':
          return void call.write(answer().setError(timeoutStatus()));
        case 'written': {
          if (!written.answered) return;
          const { outcome } = written;
          call.write(
            outcome.ok ? answer().setSuccess(batchSuccess(outcome)) : answer().setError(wrongExpectedVersionStatus(outcome.currentRevision, batch.expected)),
          );
        }
      }
    } catch (error) {
      if (!(error instanceof BadRequestError)) throw error;
      call.write(answer().setError(badRequestStatus(error.message)));
    }
  });
  call.on('end', () => {
    if (!ended) call.end();
  });
}

function appendSuccess(outcome: Extract<WriteOutcome, { ok: true }>): AppendResp.Success {
  const success = new AppendResp.Success();
  if (outcome.currentRevision === -1n) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.commitPosition === undefined) success.setNoPosition(new Empty());
  else {
    const position = outcome.commitPosition.toString();
    success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
  }
  return success;
}

function batchSuccess(outcome: Extract<WriteOutcome, { ok: true }>): BatchAppendResp.Success {
  const success = new BatchAppendResp.Success();
  if (outcome.currentRevision === -1n) success.setNoStream(new ProtobufEmpty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.commitPosition === undefined) success.setNoPosition(new ProtobufEmpty());
  else {
    const position = outcome.commitPosition.toString();
    success.setPosition(new AllStreamPosition().setCommitPosition(position).setPreparePosition(position));
  }
  return success;
}
