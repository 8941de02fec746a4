import type { EventStore, GlobalPosition } from '@throughline/event-store';
import type { LagReading } from './service-metrics';

/** Beyond this many unapplied events the count stops: the number is for alerting, not accounting. */
export const LAG_COUNT_LIMIT = 10_000;
const BATCH = 1_000;
/** Both gauges ask within one scrape; they share one reading rather than read the store twice. */
const READING_REUSE_MS = 1_000;

/**
 * How far the read models trail the store. Positions are opaque (EventStoreDB's are byte offsets),
 * so the events are counted by reading past the checkpoint, which costs one call to the store
 * while caught up. The age is the oldest unapplied event's recordedAt against the wall clock, the
 * clock the store itself recorded it by.
 */
export class ProjectorLag {
  private last: { at: number; reading: Promise<LagReading> } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoint: () => GlobalPosition | null,
    private readonly now: () => number = Date.now,
  ) {}

  read(): Promise<LagReading> {
    const at = this.now();
    if (this.last && at - this.last.at < READING_REUSE_MS) return this.last.reading;
    const reading = this.measure(at);
    this.last = { at, reading };
    // A store that failed to answer is asked again at the next scrape, not a second later.
    reading.catch(() => (this.last = null));
    return reading;
  }

  private async measure(at: number): Promise<LagReading> {
    const checkpoint = this.checkpoint();
    const head = await this.store.headPosition();
    if (head === null || head === checkpoint) return { events: 0, seconds: 0 };
    let after = checkpoint ?? undefined;
    let events = 0;
    let oldest: string | null = null;
    while (events < LAG_COUNT_LIMIT) {
      const batch = await this.store.readAll({ ...(after === undefined ? {} : { after }), maxCount: Math.min(BATCH, LAG_COUNT_LIMIT - events) });
      if (batch.length === 0) break;
      oldest ??= batch[0]!.metadata.recordedAt;
      events += batch.length;
      after = batch[batch.length - 1]!.position;
    }
    const seconds = oldest === null ? 0 : Math.max(0, (at - Date.parse(oldest)) / 1000);
    return { events, seconds };
  }
}
