import { randomUUID } from 'node:crypto';
import type {
  AppendResult,
  EventStore,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
} from '@throughline/event-store';

/**
 * The smallest EventStore a projector needs: an array, positions from 1, a fixed clock, and a hook
 * on readAll so specs can observe and delay reads. Revision checks and command records are left out.
 */
export class ArrayEventStore implements EventStore {
  readonly name = 'array';
  readonly events: RecordedEvent[] = [];
  readonly reads: (GlobalPosition | undefined)[] = [];
  /** Awaited inside every readAll, after it is counted and before it reads. */
  beforeRead: () => Promise<void> = async () => undefined;
  private readonly listeners = new Set<(position: GlobalPosition) => void>();

  async append(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    let revision = this.events.filter((e) => e.streamId === streamId).length - 1;
    for (const event of events) {
      const position = BigInt(this.events.length + 1);
      revision += 1;
      this.events.push({
        id: event.id ?? randomUUID(),
        streamId,
        revision,
        position,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: event.data,
        metadata: { ...event.metadata, recordedAt: new Date(Date.UTC(2026, 2, 1, 9, 0, this.events.length)).toISOString() },
        hash: '',
        prevHash: '',
      });
    }
    const last = this.events[this.events.length - 1];
    for (const listener of this.listeners) listener(last.position);
    return { streamId, nextRevision: last.revision, position: last.position, recordedAt: last.metadata.recordedAt };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return this.events.filter((e) => e.streamId === streamId);
  }

  async streamRevision(streamId: string): Promise<number> {
    return (await this.readStream(streamId)).length - 1;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.reads.push(options.after);
    await this.beforeRead();
    const start = options.after === undefined ? 0 : Number(options.after);
    return this.events.slice(start, start + (options.maxCount ?? 1000));
  }

  async headPosition(): Promise<GlobalPosition | null> {
    return this.events.length === 0 ? null : BigInt(this.events.length);
  }

  async findCommand(): Promise<null> {
    return null;
  }

  onAppended(listener: (position: GlobalPosition) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

const metadata = { actor: 'ada@pmo.example', correlationId: 'spec' };

export const opened = (pmoId: string, parentId: string | null = null): NewEvent => ({
  type: 'CounterOpened',
  data: { pmoId, parentId },
  metadata,
});

export const incremented = (by: number): NewEvent => ({ type: 'CounterIncremented', data: { by }, metadata });

export const closed = (): NewEvent => ({ type: 'CounterClosed', data: {}, metadata });
