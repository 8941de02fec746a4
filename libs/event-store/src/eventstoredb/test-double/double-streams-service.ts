/**
 * The Streams gRPC service of the EventStoreDB test double: Read (a stream, $all with or without a
 * server-side filter, forwards and backwards, and the $all catch-up subscription), Append and
 * BatchAppend (double-appends.ts), answering as the server's Services/Transport/Grpc code does.
 */
import { type ServerDuplexStream, type ServerReadableStream, type ServerWritableStream, type sendUnaryData, status, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { append, batchAppend } from './double-appends';
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
