import { auditRowMatcher, type AuditLogFilter, type AuditRow } from '@throughline/read-models';
import type { BatchSink, LiveLog } from './live-stream';

/** An audit row at a position, of a stream of a PMO. */
export const row = (position: number, pmoId: string | null = 'pmo-a', streamId = 'objective-0b7c6f0e-0000-4000-8000-000000000001'): AuditRow => ({
  position: BigInt(position),
  streamId,
  revision: position,
  type: 'ProgressRecorded',
  pmoId,
  actor: 'ada@pmo.example',
  recordedAt: new Date(Date.UTC(2026, 2, 1, 9, 0, position % 60)).toISOString(),
  reason: null,
  commandId: null,
  correlationId: null,
  data: {},
  hash: `hash-${position}`,
});

export const rows = (from: number, to: number, pmoOf: (position: number) => string | null = () => 'pmo-a') =>
  Array.from({ length: to - from + 1 }, (_, i) => row(from + i, pmoOf(from + i)));

/**
 * The audit log as the projector keeps it, in memory: a batch joins the log and its followers
 * are told in the same turn, as LiveFeed tells them once the projector committed it.
 */
export class InMemoryLiveLog implements LiveLog {
  readonly held: AuditRow[] = [];
  readonly followers = new Set<BatchSink>();
  pagesRead = 0;

  checkpoint(): bigint | null {
    return this.held[this.held.length - 1]?.position ?? null;
  }

  page(filter: AuditLogFilter, after: bigint | null, limit: number): AuditRow[] {
    this.pagesRead += 1;
    const matches = auditRowMatcher(filter);
    return this.held.filter((r) => (after === null || r.position > after) && matches(r)).slice(0, limit);
  }

  follow(sink: BatchSink): () => void {
    this.followers.add(sink);
    return () => this.followers.delete(sink);
  }

  apply(batch: readonly AuditRow[]): void {
    this.held.push(...batch.filter((r) => this.held.every((h) => h.position !== r.position)));
    for (const follower of [...this.followers]) follower.accept(batch);
  }
}
