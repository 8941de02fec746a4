/**
 * The $all catch-up subscription of the EventStoreDB test double, following the server's
 * Services/Transport/Enumerators/Enumerator.AllSubscriptionFiltered.cs (v24.10) step by step:
 *
 * - It subscribes to live events first (SubscriptionsService), then confirms. From then on every
 *   event written goes to a live buffer of 32 that drops the oldest (LiveChannelOptions), with a
 *   live checkpoint at every `interval`-th event written since subscribing, at that event.
 * - Catch-up reads pages from the start position (from the start: TFPos(-1,-1), read from 0);
 *   each page looks at up to `window` events and keeps up to 32 matching ones. Events at or
 *   before the last one sent are skipped. When the considered events reach `interval`, it sends a
 *   checkpoint at the later of the last event sent and the page's start. A page that reaches the
 *   end sends a checkpoint at the last event sent — the start position itself when none was,
 *   which from the start is -1, sent as 2^64 - 1 — and then CaughtUp.
 * - Live, it sends the buffered events and checkpoints after that position. A gap in the buffer's
 *   sequence (events were dropped) sends FellBehind and a checkpoint, catches up again from there
 *   and sends CaughtUp again.
 * - Without a filter (AllSubscription) the same happens with no checkpoints.
 */
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { type ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { type AllFrom, type DoubleLog, type EventFilter, type LoggedEvent, matchesFilter } from './double-log';
import { checkpoint, comparePositions, type LogPosition, readEvent } from './double-messages';
import type { DoubleNode } from './double-node';
import { invalidPosition } from './double-rpc-errors';

export interface SubscriptionRequest {
  readonly from: AllFrom;
  /** The prepare position sent with a `from` position. */
  readonly prepare: bigint;
  readonly filter: EventFilter | null;
  /** Events looked at per page at most (the filter's max search window). */
  readonly window: number;
  /** Matching events per page at most (ReadBatchSize). */
  readonly pageSize: number;
  /** Checkpoint interval in events looked at (multiplier × window); 0 without a filter. */
  readonly interval: number;
  readonly structuredIds: boolean;
}

/** MaxLiveEventBufferCount. */
const LIVE_BUFFER = 32;
const BEFORE_FIRST: LogPosition = { commit: -1n, prepare: -1n };

type LiveItem = { readonly seq: number; readonly event?: LoggedEvent; readonly checkpoint?: LogPosition };

const at = (position: bigint): LogPosition => ({ commit: position, prepare: position });
const later = (a: LogPosition, b: LogPosition) => (comparePositions(a, b) >= 0 ? a : b);
const UINT64_MAX = 0xffff_ffff_ffff_ffffn;
const asSent = ({ commit, prepare }: LogPosition): LogPosition => ({
  commit: commit === -1n ? UINT64_MAX : commit,
  prepare: prepare === -1n ? UINT64_MAX : prepare,
});
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function subscribeToAll(node: DoubleNode, call: ServerWritableStream<ReadReq, ReadResp>, request: SubscriptionRequest): void {
  const { log } = node;
  const { filter, interval } = request;
  const live: LiveItem[] = [];
  let liveSeq = 0;
  let liveCounter = 0;
  let closed = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  const push = (item: LiveItem) => {
    live.push(item);
    if (live.length > LIVE_BUFFER) live.shift();
  };
  const unfollow = log.follow((event) => {
    if (matchesFilter(filter, event)) push({ seq: ++liveSeq, event });
    if (interval > 0 && ++liveCounter >= interval) {
      liveCounter = 0;
      push({ seq: ++liveSeq, checkpoint: at(event.position) });
    }
    notify();
  });
  const unresume = node.onResume(notify);
  const close = () => {
    closed = true;
    unfollow();
    unresume();
    notify();
  };
  call.on('cancelled', close);
  call.on('close', close);

  // The enumerator drops a checkpoint that does not move forward (MoveNextAsync), comparing them
  // as sent, unsigned: after a checkpoint at 2^64 - 1 no other checkpoint gets through.
  let lastCheckpoint: LogPosition | null = null;
  const send = {
    event: (event: LoggedEvent) => call.write(readEvent(event, request.structuredIds)),
    checkpoint: (position: LogPosition) => {
      const sent = asSent(position);
      if (interval === 0 || (lastCheckpoint && comparePositions(sent, lastCheckpoint) <= 0)) return;
      lastCheckpoint = sent;
      call.write(checkpoint(position));
    },
  };

  const catchUp = async (from: LogPosition): Promise<LogPosition> => {
    let position = from;
    let considered = 0;
    let pageStart = comparePositions(from, { commit: 0n, prepare: 0n }) < 0 ? { commit: 0n, prepare: 0n } : from;
    for (;;) {
      if (closed) return position;
      if (!log.isReadablePosition(pageStart.commit)) throw invalidPosition();
      const page = readPage(log, pageStart, request);
      for (const event of page.events) {
        if (comparePositions(at(event.position), position) <= 0) continue;
        send.event(event);
        position = at(event.position);
      }
      considered += page.considered;
      if (page.endOfStream) {
        send.checkpoint(position);
        return position;
      }
      if (interval > 0 && considered >= interval) {
        considered %= interval;
        position = later(position, pageStart);
        send.checkpoint(position);
      }
      pageStart = page.nextStart;
      await nextTurn(); // each page is a separate read: writes may land in between
    }
  };

  const goLive = async (from: LogPosition, fromSeq: number): Promise<{ position: LogPosition; seq: number } | null> => {
    let position = from;
    let seq = fromSeq;
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    for (;;) {
      while (live.length === 0 || node.subscriptionsPaused()) {
        if (closed) return null;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (closed) return null;
      const item = live.shift() as LiveItem;
      const inSequence = item.seq === seq + 1;
      seq = item.seq;
      if (item.event && comparePositions(at(item.event.position), position) <= 0) continue;
      if (item.checkpoint && comparePositions(item.checkpoint, position) < 0) continue;
      if (!inSequence) {
        call.write(new ReadResp().setFellBehind(new ReadResp.FellBehind()));
        send.checkpoint(position);
        return { position, seq };
      }
      if (item.event) {
        send.event(item.event);
        position = at(item.event.position);
      } else {
        send.checkpoint(item.checkpoint as LogPosition);
        position = item.checkpoint as LogPosition;
      }
    }
  };

  const run = async () => {
    const confirmedAt = at(log.lastPosition);
    call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
    const { from, prepare } = request;
    let position = from === 'start' ? BEFORE_FIRST : from === 'end' ? confirmedAt : { commit: from, prepare };
    let seq = 0;
    if (comparePositions(position, confirmedAt) >= 0) {
      const fellBehind = await goLive(position, seq);
      if (!fellBehind) return;
      ({ position, seq } = fellBehind);
    }
    while (!closed) {
      position = await catchUp(position);
      const fellBehind = await goLive(position, seq);
      if (!fellBehind) return;
      ({ position, seq } = fellBehind);
    }
  };
  run().catch((error: unknown) => {
    if (!closed) call.emit('error', error);
    close();
  });
}

interface Page {
  readonly events: LoggedEvent[];
  readonly considered: number;
  readonly endOfStream: boolean;
  /** Where the next page starts: after the last event looked at (AllReader's NextPos, prepare 0). */
  readonly nextStart: LogPosition;
}

/** One filtered read forwards (AllReader.ReadAllEventsForwardInternal), from `start` inclusive. */
function readPage(log: DoubleLog, start: LogPosition, { filter, window, pageSize }: SubscriptionRequest): Page {
  const events: LoggedEvent[] = [];
  let index = log.indexAtOrAfter(start.commit);
  let considered = 0;
  let endOfStream = false;
  let nextStart = start;
  while (events.length < pageSize && considered < window) {
    if (index >= log.length) {
      endOfStream = true;
      break;
    }
    const event = log.at(index);
    index += 1;
    considered += 1;
    if (matchesFilter(filter, event)) events.push(event);
    nextStart = { commit: index < log.length ? log.at(index).position : log.end, prepare: 0n };
  }
  return { events, considered, endOfStream, nextStart };
}
