import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { RecordedEvent } from '@throughline/event-store';
import { AuditLogReader, Projector, type AuditLogFilter, type AuditRow } from '@throughline/read-models';
import type { BatchSink, LiveLog } from './live-stream';

/**
 * What this instance's projector applies, handed to every live subscription: each batch once
 * the read models hold it, as the audit log's rows (so with the PMO each event belongs to),
 * whoever wrote the events. On EventStoreDB every instance projects every instance's writes, so
 * each tells its own subscribers about them all.
 */
@Injectable()
export class LiveFeed implements LiveLog, OnModuleInit, OnModuleDestroy {
  private readonly sinks = new Set<BatchSink>();
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly projector: Projector,
    private readonly log: AuditLogReader,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.projector.onApplied((events) => this.dispatch(events));
  }

  onModuleDestroy(): void {
    this.stopListening?.();
  }

  checkpoint(): bigint | null {
    return this.projector.position;
  }

  page(filter: AuditLogFilter, after: bigint | null, limit: number): AuditRow[] {
    return this.log.page(filter, after, limit);
  }

  follow(sink: BatchSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  private dispatch(events: readonly RecordedEvent[]): void {
    if (this.sinks.size === 0 || events.length === 0) return;
    const rows = this.log.fromTo(events[0]!.position, events[events.length - 1]!.position);
    for (const sink of [...this.sinks]) {
      try {
        sink.accept(rows);
      } catch (error) {
        sink.fail(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}
