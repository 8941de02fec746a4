/**
 * The Streams gRPC service of the EventStoreDB test double: Read (a stream, $all with or without a
 * server-side filter, forwards and backwards, and the $all catch-up subscription), Append and
 * BatchAppend, answering as the server's Services/Transport/Grpc code does.
 */
import {
  Metadata,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerErrorResponse,
  type ServerReadableStream,
  type ServerWritableStream,
  status,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { AllStreamPosition, Empty } from '@eventstore/db-client/generated/shared_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { AllFrom, DoubleLog, EventFilter, ExpectedState, ProposedEvent, WriteOutcome } from './double-log';
import { subscribeToAll } from './double-subscription';
import {
  appendWrongExpectedVersion,
  BadRequestError,
  badRequestStatus,
  maximumAppendSizeExceededStatus,
  readEvent,
  streamIdentifier,
  streamNameOf,
  streamNotFound,
  timeoutStatus,
  uuidOf,
  wrongExpectedVersionStatus,
} from './double-messages';

/**
 * An injected failure of appends to one stream: the request is swallowed unanswered; the events are
 * stored and the answer never sent (as when a connection dies right after the commit); or another
 * writer's event lands just before the append is processed.
 */
export type AppendFault = 'drop-request' | 'drop-answer' | 'concurrent-writer';

export type AppendFaults = (streamName: string) => AppendFault | undefined;

/** The server's page size for reads and filtered subscriptions (Enumerators.ReadBatchSize). */
const READ_BATCH_SIZE = 32;
/** The server's default MaxAppendSize: 1 MiB per append. */
export const MAX_APPEND_SIZE = 1_048_576;

/** The server's Event.SizeOnDisk: data, metadata and the type in UTF-16. */
function appendSize(events: readonly ProposedEvent[]): number {
  return events.reduce((size, event) => size + event.data.length + event.customMetadata.length + 2 * event.type.length, 0);
}

const Options = ReadReq.Options;

function grpcError(code: status, details: string): ServerErrorResponse {
  return Object.assign(new Error(details), { code, details });
}

export function createStreamsService(log: DoubleLog, faults: () => AppendFaults): UntypedServiceImplementation {
  const implementation = {
    read(call: ServerWritableStream<ReadReq, ReadResp>): void {
      try {
        read(log, call);
      } catch (error) {
        call.emit('error', grpcError(status.INVALID_ARGUMENT, (error as Error).message));
      }
    },

    append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
      let streamName = '';
      let expected: ExpectedState | null = null;
      const proposed: ProposedEvent[] = [];
      call.on('data', (request: AppendReq) => {
        try {
          if (request.hasOptions()) {
            const options = request.getOptions() as AppendReq.Options;
            streamName = streamNameOf(options.getStreamIdentifier());
            expected = appendExpectation(options);
          } else {
            const message = request.getProposedMessage() as AppendReq.ProposedMessage;
            proposed.push(proposedEvent(message));
          }
        } catch (error) {
          callback(grpcError(status.INVALID_ARGUMENT, (error as Error).message));
        }
      });
      call.on('end', () => {
        if (expected === null) return callback(grpcError(status.INVALID_ARGUMENT, 'Options were not sent first.'));
        if (appendSize(proposed) > MAX_APPEND_SIZE) {
          const error = grpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`);
          const trailer = new Metadata();
          trailer.set('exception', 'maximum-append-size-exceeded');
          trailer.set('maximum-append-size', String(MAX_APPEND_SIZE));
          return callback(Object.assign(error, { metadata: trailer }));
        }
        const fault = faults()(streamName);
        if (fault === 'drop-request') return;
        if (fault === 'concurrent-writer') log.writeForeignEvent(streamName);
        const outcome = log.write(streamName, expected, proposed);
        if (fault === 'drop-answer') return;
        const answer = outcome.ok
          ? new AppendResp().setSuccess(appendSuccess(outcome))
          : appendWrongExpectedVersion(outcome.currentRevision, expected);
        callback(null, answer);
      });
    },

    batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
      const pending = new Map<string, { streamName: string; expected: ExpectedState; deadline: number; events: ProposedEvent[] }>();
      call.on('data', (request: BatchAppendReq) => {
        const correlationId = request.getCorrelationId();
        let streamName = '';
        try {
          const key = uuidOf(correlationId);
          const options = request.getOptions();
          if (options) {
            streamName = streamNameOf(options.getStreamIdentifier());
            const deadline = options.getDeadline()?.toDate().getTime() ?? Number.POSITIVE_INFINITY;
            pending.set(key, { streamName, expected: batchExpectation(options), deadline, events: [] });
          }
          const write = pending.get(key);
          if (!write) return;
          streamName = write.streamName;
          write.events.push(...request.getProposedMessagesList().map(proposedEvent));
          if (!request.getIsFinal()) return;
          pending.delete(key);

          const answer = new BatchAppendResp().setCorrelationId(correlationId).setStreamIdentifier(streamIdentifier(streamName));
          if (write.deadline <= Date.now()) return void call.write(answer.setError(timeoutStatus()));
          if (appendSize(write.events) > MAX_APPEND_SIZE) {
            return void call.write(answer.setError(maximumAppendSizeExceededStatus(MAX_APPEND_SIZE)));
          }
          const fault = faults()(streamName);
          if (fault === 'drop-request') return;
          if (fault === 'concurrent-writer') log.writeForeignEvent(streamName);
          const outcome = log.write(streamName, write.expected, write.events);
          if (fault === 'drop-answer') return;
          call.write(
            outcome.ok
              ? answer.setSuccess(batchSuccess(outcome))
              : answer.setError(wrongExpectedVersionStatus(outcome.currentRevision, write.expected)),
          );
        } catch (error) {
          if (!(error instanceof BadRequestError)) throw error;
          call.write(
            new BatchAppendResp()
              .setCorrelationId(correlationId)
              .setStreamIdentifier(streamIdentifier(streamName))
              .setError(badRequestStatus(error.message)),
          );
        }
      });
      call.on('end', () => call.end());
    },
  };
  return implementation as unknown as UntypedServiceImplementation;
}

function read(log: DoubleLog, call: ServerWritableStream<ReadReq, ReadResp>): void {
  const options = call.request.getOptions();
  if (!options) throw new BadRequestError('Required field Options not set.');
  const structuredIds = options.getUuidOption()?.getContentCase() === Options.UUIDOption.ContentCase.STRUCTURED;
  const backwards = options.getReadDirection() === Options.ReadDirection.BACKWARDS;
  const filter = filterOf(options);
  const countCase = options.getCountOptionCase();
  const requested = BigInt(options.getCount() || '0');
  const count = requested > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(requested);

  if (options.getStreamOptionCase() === Options.StreamOptionCase.STREAM && countCase === Options.CountOptionCase.COUNT) {
    const stream = options.getStream() as ReadReq.Options.StreamOptions;
    const streamName = streamNameOf(stream.getStreamIdentifier());
    const revisionCase = stream.getRevisionOptionCase();
    const from =
      revisionCase === Options.StreamOptions.RevisionOptionCase.START
        ? 'start'
        : revisionCase === Options.StreamOptions.RevisionOptionCase.END
          ? 'end'
          : BigInt(stream.getRevision());
    const events = log.readStream(streamName, from, backwards, count);
    if (events === null) call.write(streamNotFound(streamName));
    else for (const event of events) call.write(readEvent(event, structuredIds));
    call.end();
    return;
  }

  if (options.getStreamOptionCase() !== Options.StreamOptionCase.ALL) {
    call.emit('error', grpcError(status.UNIMPLEMENTED, 'The test double subscribes to $all only.'));
    return;
  }
  const from = allFrom(options.getAll() as ReadReq.Options.AllOptions);
  if (countCase === Options.CountOptionCase.COUNT) {
    for (const event of log.readAll(from, backwards, count, filter)) call.write(readEvent(event, structuredIds));
    call.end();
    return;
  }
  const filterOptions = options.getFilter();
  const window = filterOptions?.getWindowCase() === Options.FilterOptions.WindowCase.MAX ? filterOptions.getMax() : READ_BATCH_SIZE;
  const interval = filter === null ? 0 : Math.max(1, filterOptions?.getCheckpointintervalmultiplier() ?? 1) * window;
  subscribeToAll(log, call, { from, filter, window, interval, structuredIds });
}

function filterOf(options: ReadReq.Options): EventFilter | null {
  if (options.getFilterOptionCase() !== Options.FilterOptionCase.FILTER) return null;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onStream = filter.getFilterCase() === Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = (onStream ? filter.getStreamIdentifier() : filter.getEventType()) as ReadReq.Options.FilterOptions.Expression;
  return { on: onStream ? 'stream' : 'type', regex: expression.getRegex(), prefixes: expression.getPrefixList() };
}

function allFrom(all: ReadReq.Options.AllOptions): AllFrom {
  switch (all.getAllOptionCase()) {
    case Options.AllOptions.AllOptionCase.START:
      return 'start';
    case Options.AllOptions.AllOptionCase.END:
      return 'end';
    default:
      return BigInt((all.getPosition() as ReadReq.Options.Position).getCommitPosition());
  }
}

function appendExpectation(options: AppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequestError('Required field ExpectedStreamRevision not set.');
  }
}

function batchExpectation(options: BatchAppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequestError('Required field ExpectedStreamPosition not set.');
  }
}

function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (!type) throw new BadRequestError('Required metadata property type is missing.');
  if (!contentType) throw new BadRequestError('Required metadata property content-type is missing.');
  return {
    id: uuidOf(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function appendSuccess(outcome: Extract<WriteOutcome, { ok: true }>): AppendResp.Success {
  const success = new AppendResp.Success();
  if (outcome.currentRevision === -1n) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.commitPosition === undefined) success.setNoPosition(new Empty());
  else
    success.setPosition(
      new AppendResp.Position()
        .setCommitPosition(outcome.commitPosition.toString())
        .setPreparePosition((outcome.preparePosition as bigint).toString()),
    );
  return success;
}

function batchSuccess(outcome: Extract<WriteOutcome, { ok: true }>): BatchAppendResp.Success {
  const success = new BatchAppendResp.Success();
  if (outcome.currentRevision === -1n) success.setNoStream(new ProtobufEmpty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.commitPosition === undefined) success.setNoPosition(new ProtobufEmpty());
  else
    success.setPosition(
      new AllStreamPosition()
        .setCommitPosition(outcome.commitPosition.toString())
        .setPreparePosition((outcome.preparePosition as bigint).toString()),
    );
  return success;
}
