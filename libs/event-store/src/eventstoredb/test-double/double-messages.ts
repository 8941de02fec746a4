/**
 * Protobuf messages the EventStoreDB test double sends, built the way the server builds them
 * (EventStore.Core Services/Transport/Grpc): recorded events with positions, "created" ticks and
 * content type; wrong-expected-version answers with the actual current revision; rpc statuses.
 */
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  AccessDenied,
  BadRequest,
  Empty,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  StreamIdentifier,
  Timeout,
  UUID,
  WrongExpectedVersion as SharedWrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendResp, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState, LoggedEvent } from './double-log';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A rejected request, answered like the server answers a request it cannot parse. */
export class BadRequestError extends Error {}

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  if (!identifier) throw new BadRequestError('Required field StreamIdentifier not set.');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(streamName: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(streamName, 'utf8')));
}

/** The UUID in either wire form, lower-cased as a .NET Guid prints. */
export function uuidOf(message: UUID | undefined): string {
  if (!message) throw new BadRequestError('Required field Id not set.');
  if (message.hasStructured()) {
    const structured = message.getStructured() as UUID.Structured;
    const buffer = Buffer.alloc(16);
    buffer.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
    buffer.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
    const hex = buffer.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const text = message.getString();
  if (!UUID_PATTERN.test(text)) throw new BadRequestError(`Unrecognized Guid format: ${text}`);
  return text.toLowerCase();
}

function toUuid(id: string, structured: boolean): UUID {
  if (!structured) return new UUID().setString(id);
  const buffer = Buffer.from(id.replace(/-/g, ''), 'hex');
  return new UUID().setStructured(
    new UUID.Structured()
      .setMostSignificantBits(buffer.readBigInt64BE(0).toString())
      .setLeastSignificantBits(buffer.readBigInt64BE(8).toString()),
  );
}

export function readEvent(event: LoggedEvent, structuredIds: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(toUuid(event.id, structuredIds))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('created', event.created.toString())
    .set('content-type', event.contentType);
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(read);
}

/** A log position as the server keeps it: commit and prepare, -1 for "none" (TFPos). */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** TFPos ordering: by commit position, then prepare position. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

const UINT64_MAX = 0xffff_ffff_ffff_ffffn;

/**
 * A checkpoint as the server sends it (Position.FromInt64): -1, the position before the first
 * record, goes out as 2^64 - 1 — the same value that means "the end of $all" in a request.
 */
export function checkpoint({ commit, prepare }: LogPosition): ReadResp {
  const unsigned = (value: bigint) => (value === -1n ? UINT64_MAX : value).toString();
  return new ReadResp().setCheckpoint(new ReadResp.Checkpoint().setCommitPosition(unsigned(commit)).setPreparePosition(unsigned(prepare)));
}

export function streamNotFound(streamName: string): ReadResp {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)));
}

/** The unary append's answer, with both the 20.6 and the current fields as the server fills them. */
export function appendWrongExpectedVersion(current: bigint, expected: ExpectedState): AppendResp {
  const answer = new AppendResp.WrongExpectedVersion();
  if (current === -1n) answer.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  else answer.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
  switch (expected.kind) {
    case 'any':
      answer.setExpectedAny(new Empty()).setAny2060(new Empty());
      break;
    case 'stream_exists':
      answer.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      break;
    case 'no_stream':
      answer.setExpectedNoStream(new Empty());
      break;
    case 'revision':
      answer.setExpectedRevision(expected.revision.toString()).setExpectedRevision2060(Number(expected.revision));
      break;
  }
  return new AppendResp().setWrongExpectedVersion(answer);
}

/** The batch append's google.rpc.Status for a wrong expected version (code AlreadyExists). */
export function wrongExpectedVersionStatus(current: bigint, expected: ExpectedState): Status {
  const details = new SharedWrongExpectedVersion();
  if (current === -1n) details.setCurrentNoStream(new ProtobufEmpty());
  else details.setCurrentStreamRevision(current.toString());
  if (expected.kind === 'revision') details.setExpectedStreamPosition(expected.revision.toString());
  else if (expected.kind === 'any') details.setExpectedAny(new ProtobufEmpty());
  else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new ProtobufEmpty());
  else details.setExpectedNoStream(new ProtobufEmpty());
  return status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', details.serializeBinary(), 'WrongExpectedVersion');
}

/** The batch append's Status.AccessDenied (code PermissionDenied). */
export function accessDeniedStatus(): Status {
  return status(Code.PERMISSION_DENIED, 'AccessDenied', new AccessDenied().serializeBinary(), 'AccessDenied');
}

/** The batch append's Status.StreamDeleted (code NotFound). */
export function streamDeletedStatus(streamName: string): Status {
  const details = new StreamDeleted().setStreamIdentifier(streamIdentifier(streamName)).serializeBinary();
  return status(Code.NOT_FOUND, 'StreamDeleted', details, 'StreamDeleted');
}

export function timeoutStatus(): Status {
  return status(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout().serializeBinary(), 'Timeout');
}

export function maximumAppendSizeExceededStatus(maxAppendSize: number): Status {
  const details = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize).serializeBinary();
  return status(Code.INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', details, 'MaximumAppendSizeExceeded');
}

export function badRequestStatus(message: string): Status {
  return status(Code.INVALID_ARGUMENT, 'BadRequest', new BadRequest().setMessage(message).serializeBinary(), 'BadRequest');
}

function status(code: Code, message: string, details: Uint8Array, detailsType: string): Status {
  const any = new Any();
  any.pack(details, `event_store.client.${detailsType}`);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}
