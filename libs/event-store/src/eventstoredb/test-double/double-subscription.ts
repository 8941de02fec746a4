/** The $all catch-up subscription of the EventStoreDB test double, paced like the server's. */
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { ReadResp, type ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { type AllFrom, type DoubleLog, type EventFilter, matchesFilter } from './double-log';
import { checkpoint, readEvent } from './double-messages';

export interface SubscriptionRequest {
  readonly from: AllFrom;
  readonly filter: EventFilter | null;
  /** Events looked at per page. */
  readonly window: number;
  /** A checkpoint every `interval` events looked at; 0 for none (no filter). */
  readonly interval: number;
  readonly structuredIds: boolean;
}

/**
 * Catch-up in pages of `window` considered events, a checkpoint whenever `interval` events were
 * considered (never on the last page), then CaughtUp, then live events and checkpoints.
 */
export function subscribeToAll(
  log: DoubleLog,
  call: ServerWritableStream<ReadReq, ReadResp>,
  { from, filter, window, interval, structuredIds }: SubscriptionRequest,
): void {
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  // From a position, the server reads the event there and starts after it.
  let index = from === 'start' ? 0 : from === 'end' ? log.length : Math.min(log.length, log.indexAtOrAfter(from) + 1);
  let considered = 0;
  while (index < log.length) {
    const pageStart = log.at(index).position;
    const pageEnd = Math.min(index + window, log.length);
    let lastMatched: bigint | null = null;
    for (; index < pageEnd; index += 1) {
      const event = log.at(index);
      considered += 1;
      if (!matchesFilter(filter, event)) continue;
      call.write(readEvent(event, structuredIds));
      lastMatched = event.position;
    }
    if (index >= log.length) break;
    if (interval > 0 && considered >= interval) {
      considered %= interval;
      call.write(checkpoint(lastMatched ?? pageStart));
    }
  }
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));

  const unfollow = log.follow((event) => {
    if (matchesFilter(filter, event)) call.write(readEvent(event, structuredIds));
    if (interval === 0) return;
    considered += 1;
    if (considered >= interval) {
      considered = 0;
      call.write(checkpoint(event.position));
    }
  });
  call.on('cancelled', unfollow);
  call.on('close', unfollow);
}
