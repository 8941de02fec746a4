/**
 * The Streams gRPC service of the EventStoreDB test double: Read (a stream, $all with or without a
 * server-side filter, forwards and backwards, and the $all catch-up subscription), Append and
 * BatchAppend (double-appends.ts), and Tombstone (a hard delete), answering as the server's
 * Services/Transport/Grpc code does.
 */
import {
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type sendUnaryData,
  status,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { ReadReq, TombstoneReq, TombstoneResp } from '@eventstore/db-client/generated/streams_pb';
import { append, batchAppend } from './double-appends';
import type { ExpectedState } from './double-log';
import { readEvent, streamNameOf, streamNotFound } from './double-messages';
import { type DoubleNode, type ReadFault, requiresLeader } from './double-node';
import { allFrom, filterOf } from './double-requests';
import * as rpc from './double-rpc-errors';
import { subscribeToAll } from './double-subscription';

/** The server's page size for reads and filtered subscriptions (Enumerators.ReadBatchSize). */
const READ_BATCH_SIZE = 32;

const Options = ReadReq.Options;

export function createStreamsService(node: DoubleNode): UntypedServiceImplementation {
  const implementation = {
    read(call: ServerWritableStream<ReadReq, ReadResp>): void {
      try {
        read(node, call);
      } catch (error) {
        call.emit('error', Object.assign(new Error((error as Error).message), { code: status.INVALID_ARGUMENT, details: (error as Error).message }));
      }
    },
    append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void {
      append(node, call, callback);
    },
    batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
      batchAppend(node, call);
    },
    tombstone(call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>): void {
      tombstone(node, call, callback);
    },
  };
  return implementation as unknown as UntypedServiceImplementation;
}

function readFaultError(fault: ReadFault | undefined, streamName: string) {
  if (fault === 'access-denied') return rpc.accessDenied();
  if (fault === 'stream-deleted') return rpc.streamDeleted(streamName);
  return null;
}

function read(node: DoubleNode, call: ServerWritableStream<ReadReq, ReadResp>): void {
  const options = call.request.getOptions();
  if (!options) throw new Error('Required field Options not set.');
  const leader = node.leaderEndpoint();
  // A follower serves reads, unless the client requires the leader (ClusterVNodeController).
  if (leader && requiresLeader(call)) return void call.emit('error', rpc.notLeader(leader.host, leader.port));
  const structuredIds = options.getUuidOption()?.getContentCase() === Options.UUIDOption.ContentCase.STRUCTURED;
  const backwards = options.getReadDirection() === Options.ReadDirection.BACKWARDS;
  const filter = filterOf(options);
  const countCase = options.getCountOptionCase();
  const requested = BigInt(options.getCount() || '0');
  const count = requested > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(requested);

  if (options.getStreamOptionCase() === Options.StreamOptionCase.STREAM && countCase === Options.CountOptionCase.COUNT) {
    const stream = options.getStream() as ReadReq.Options.StreamOptions;
    const streamName = streamNameOf(stream.getStreamIdentifier());
    const refused = readFaultError(node.readFault(streamName), streamName);
    if (refused) return void call.emit('error', refused);
    // A hard-deleted stream reads as deleted (Enumerators.ReadStreamForwards: ReadStreamResult.StreamDeleted).
    if (node.log.isTombstoned(streamName)) return void call.emit('error', rpc.streamDeleted(streamName));
    const revisionCase = stream.getRevisionOptionCase();
    const from =
      revisionCase === Options.StreamOptions.RevisionOptionCase.START
        ? 'start'
        : revisionCase === Options.StreamOptions.RevisionOptionCase.END
          ? 'end'
          : BigInt(stream.getRevision());
    const events = node.log.readStream(streamName, from, backwards, count, node.replicated());
    if (events === null) call.write(streamNotFound(streamName));
    else for (const event of events) call.write(readEvent(event, structuredIds));
    call.end();
    return;
  }

  if (options.getStreamOptionCase() !== Options.StreamOptionCase.ALL) {
    call.emit('error', Object.assign(new Error('The test double subscribes to $all only.'), { code: status.UNIMPLEMENTED }));
    return;
  }
  const refused = readFaultError(node.readFault('$all'), '$all');
  if (refused) return void call.emit('error', refused);
  const { from, prepare } = allFrom(options.getAll() as ReadReq.Options.AllOptions);
  // A position inside a record cannot be read from (InvalidReadException → InvalidPosition).
  if (typeof from === 'bigint' && !node.log.isReadablePosition(from)) return void call.emit('error', rpc.invalidPosition());
  if (countCase === Options.CountOptionCase.COUNT) {
    for (const event of node.log.readAll(from, backwards, count, filter, node.replicated())) call.write(readEvent(event, structuredIds));
    call.end();
    return;
  }
  const filterOptions = options.getFilter();
  const window = filterOptions?.getWindowCase() === Options.FilterOptions.WindowCase.MAX ? filterOptions.getMax() : READ_BATCH_SIZE;
  const interval = filter === null ? 0 : Math.max(1, filterOptions?.getCheckpointintervalmultiplier() ?? 1) * window;
  subscribeToAll(node, call, { from, prepare, filter, window, pageSize: READ_BATCH_SIZE, interval, structuredIds });
}

/**
 * A hard delete (Streams.Delete.cs, Tombstone): the authorization, the leader, then the write of the
 * tombstone against the expected revision. A stream tombstoned before is answered StreamDeleted, a
 * revision that does not hold WrongExpectedVersion; the answer carries the tombstone's position.
 */
function tombstone(node: DoubleNode, call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>): void {
  const options = call.request.getOptions();
  if (!options) return callback(rpc.invalidArgument('Required field Options not set.'));
  let streamName: string;
  try {
    streamName = streamNameOf(options.getStreamIdentifier());
  } catch (error) {
    return callback(rpc.invalidArgument((error as Error).message));
  }
  const Case = TombstoneReq.Options.ExpectedStreamRevisionCase;
  const expected: ExpectedState | null = (() => {
    switch (options.getExpectedStreamRevisionCase()) {
      case Case.REVISION:
        return { kind: 'revision', revision: BigInt(options.getRevision()) } as const;
      case Case.NO_STREAM:
        return { kind: 'no_stream' } as const;
      case Case.STREAM_EXISTS:
        return { kind: 'stream_exists' } as const;
      case Case.ANY:
        return { kind: 'any' } as const;
      default:
        return null;
    }
  })();
  if (expected === null) return callback(rpc.invalidArgument(`'${options.getExpectedStreamRevisionCase()}' is not a valid ExpectedStreamRevisionOneofCase`));
  if (node.appendFault(streamName) === 'access-denied') return callback(rpc.accessDenied());
  const leader = node.leaderEndpoint();
  if (leader && requiresLeader(call)) return callback(rpc.notLeader(leader.host, leader.port));

  const outcome = node.log.tombstone(streamName, expected);
  if (outcome.ok) {
    const position = outcome.position.toString();
    return callback(null, new TombstoneResp().setPosition(new TombstoneResp.Position().setCommitPosition(position).setPreparePosition(position)));
  }
  if ('deleted' in outcome) return callback(rpc.streamDeleted(streamName));
  const expectedVersion = { any: -2n, no_stream: -1n, stream_exists: -4n, revision: 0n }[expected.kind];
  return callback(rpc.wrongExpectedVersion('Delete', streamName, expected.kind === 'revision' ? expected.revision : expectedVersion, outcome.currentRevision));
}
