/**
 * Reads and subscriptions on $all with a server-side stream-name filter, as ordered streams of the
 * server's messages.
 *
 * The server has served filtered $all reads since 20.6, but `readAll` in @eventstore/db-client
 * 6.2.1 always sends "no filter"; and its `subscribeToAll` reports checkpoints and "caught up"
 * through callbacks and events that can run before the events ahead of them were consumed, which
 * would let a checkpoint overtake unapplied events. So this builds the same ReadReq the client
 * builds (adding the filter) and runs it through the client's own channel, credentials,
 * reconnection and event conversion — the protected members the client's own operations are
 * written against — keeping every ReadResp in the order the server sent it.
 */
import type { CallOptions, ClientReadableStream, Metadata } from '@grpc/grpc-js';
import type { AllStreamResolvedEvent, BaseOptions, EventStoreDBClient } from '@eventstore/db-client';
import { convertToCommandError } from '@eventstore/db-client';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, type ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent';
import { isClientCancellationError } from '@eventstore/db-client/dist/utils/isClientCancellationError';

/** Which streams a read or subscription keeps: a regex searched in the name, or name prefixes. */
export type StreamNameFilter = { readonly regex: string } | { readonly prefixes: readonly string[] };

export type AllFrom = 'start' | 'end' | bigint;

export type AllReadRequest =
  | {
      /** Forwards includes an event at this position; backwards starts strictly before it. */
      readonly from: AllFrom;
      readonly direction: 'forwards' | 'backwards';
      /** Matching events to return at most. */
      readonly maxCount: number;
      /** null: every event of $all, system events included. */
      readonly filter: StreamNameFilter | null;
    }
  | {
      /** A catch-up subscription starts after the event at this position. */
      readonly from: AllFrom;
      readonly subscription: true;
      readonly filter: StreamNameFilter;
      /** A checkpoint every `checkpointInterval` × 32 events the server looked at. */
      readonly checkpointInterval: number;
    };

/** One message of the server's answer, in order. */
export type AllReadMessage =
  | { readonly kind: 'confirmation' }
  | { readonly kind: 'event'; readonly resolved: AllStreamResolvedEvent }
  | { readonly kind: 'checkpoint'; readonly position: bigint }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'fellBehind' };

/** The protected part of the client its own operations use; see the module comment. */
interface ClientInternals {
  GRPCStreamCreator<T>(
    client: typeof StreamsClient,
    debugName: string,
    creator: (grpcClient: InstanceType<typeof StreamsClient>) => T,
  ): () => Promise<T>;
  callArguments(options: BaseOptions, callOptions?: CallOptions): [Metadata, CallOptions];
}

/**
 * Opens the read and yields its messages in order until the server ends it. Aborting the signal
 * cancels the call and ends the iteration quietly; any other failure is thrown as the client's
 * own error type (UnavailableError, AccessDeniedError...).
 */
export async function* readAllMessages(
  client: EventStoreDBClient,
  request: AllReadRequest,
  signal?: AbortSignal,
): AsyncGenerator<AllReadMessage> {
  const internals = client as unknown as ClientInternals;
  const grpcRequest = toReadReq(request);
  const open = internals.GRPCStreamCreator<ClientReadableStream<ReadResp>>(StreamsClient, 'readAll', (grpcClient) =>
    // Only the leader's answer is current: a follower may be behind it, and then says where it is.
    grpcClient.read(grpcRequest, ...internals.callArguments({ requiresLeader: true }, { deadline: Infinity })),
  );
  const stream = await open();
  const cancel = () => stream.cancel();
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel);
  try {
    for await (const response of stream as AsyncIterable<ReadResp>) {
      const message = toMessage(response);
      if (message) yield message;
    }
  } catch (error) {
    if (isClientCancellationError(error)) return;
    throw convertToCommandError(error as Error);
  } finally {
    signal?.removeEventListener('abort', cancel);
    // Leaving early (a full batch, an unsubscribe) must not leave the call running on the server.
    stream.cancel();
  }
}

function toMessage(response: ReadResp): AllReadMessage | null {
  if (response.hasEvent()) {
    return { kind: 'event', resolved: convertGrpcEvent(response.getEvent() as ReadResp.ReadEvent) as AllStreamResolvedEvent };
  }
  if (response.hasCheckpoint()) {
    return { kind: 'checkpoint', position: BigInt((response.getCheckpoint() as ReadResp.Checkpoint).getCommitPosition()) };
  }
  if (response.hasConfirmation()) return { kind: 'confirmation' };
  if (response.hasCaughtUp()) return { kind: 'caughtUp' };
  if (response.hasFellBehind()) return { kind: 'fellBehind' };
  return null;
}

function toReadReq(request: AllReadRequest): ReadReq {
  const all = new ReadReq.Options.AllOptions();
  if (request.from === 'start') all.setStart(new Empty());
  else if (request.from === 'end') all.setEnd(new Empty());
  else {
    const position = request.from.toString();
    all.setPosition(new ReadReq.Options.Position().setCommitPosition(position).setPreparePosition(position));
  }

  const options = new ReadReq.Options()
    .setAll(all)
    .setResolveLinks(false)
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()));
  if (request.filter === null) options.setNoFilter(new Empty());
  else {
    const expression = new ReadReq.Options.FilterOptions.Expression();
    if ('regex' in request.filter) expression.setRegex(request.filter.regex);
    else expression.setPrefixList([...request.filter.prefixes]);
    const filter = new ReadReq.Options.FilterOptions()
      .setStreamIdentifier(expression)
      .setCount(new Empty())
      .setCheckpointintervalmultiplier('subscription' in request ? request.checkpointInterval : 1);
    options.setFilter(filter);
  }
  if ('subscription' in request) {
    options.setSubscription(new ReadReq.Options.SubscriptionOptions()).setReadDirection(ReadReq.Options.ReadDirection.FORWARDS);
  } else {
    options
      .setCount(String(request.maxCount))
      .setReadDirection(
        request.direction === 'forwards' ? ReadReq.Options.ReadDirection.FORWARDS : ReadReq.Options.ReadDirection.BACKWARDS,
      );
  }
  return new ReadReq().setOptions(options);
}
