import { AppendListeners } from '../append-listeners';
import {
  assertAppendable,
  checkExpectedRevision,
  resolveReadAll,
  resolveReadStream,
} from '../append-rules';
import { CommandAlreadyRecordedError, DuplicateEventIdError, StoreUnavailableError } from '../errors';
import type {
  AppendOptions,
  AppendResult,
  CommandRecord,
  EventStore,
  ExpectedRevision,
  GlobalPosition,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import { EMPTY_STREAM_HEAD, sealEvents, stampRecordedAt } from '../sealed-event';
import type { EventsByPosition } from '../events-by-position';
import { type StoredEventReader, type Upcaster, Upcasters } from '../upcasting';

export interface MemoryEventStoreOptions {
  readonly clock?: () => Date;
  readonly upcasters?: Upcasters | readonly Upcaster[];
}

/**
 * An EventStore held in process memory, for unit tests. It follows the sqlite adapter's rules
 * (command check before revision check, positions from 1 without gaps, recordedAt stamped and
 * non-decreasing) and hands out copies, so callers cannot alter what is stored.
 */
export class MemoryEventStore implements EventStore, StoredEventReader, EventsByPosition {
  readonly name = 'memory';
  private readonly clock: () => Date;
  private readonly upcasters: Upcasters;
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly eventIds = new Set<string>();
  private readonly commands = new Map<string, CommandRecord>();
  private readonly listeners = new AppendListeners();
  private closed = false;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.upcasters = Upcasters.from(options.upcasters);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    assertAppendable(streamId, events, expected);
    const { command } = options;
    const existing = command && this.commands.get(command.id);
    if (existing) throw new CommandAlreadyRecordedError(existing);

    const stream = this.streams.get(streamId) ?? [];
    const head = stream.at(-1) ?? EMPTY_STREAM_HEAD;
    checkExpectedRevision(streamId, expected, head.revision);

    const recordedAt = stampRecordedAt(this.clock, this.all.at(-1)?.metadata.recordedAt ?? null);
    const sealed = sealEvents(streamId, events, head, recordedAt);
    const newIds = new Set<string>();
    for (const { id } of sealed) {
      if (this.eventIds.has(id) || newIds.has(id)) throw new DuplicateEventIdError(id);
      newIds.add(id);
    }

    let position = this.all.at(-1)?.position ?? 0n;
    for (const event of sealed) {
      position += 1n;
      const recorded: RecordedEvent = { ...event, position };
      this.all.push(recorded);
      stream.push(recorded);
      this.eventIds.add(event.id);
    }
    this.streams.set(streamId, stream);
    const last = sealed[sealed.length - 1];
    if (command) {
      this.commands.set(command.id, {
        commandId: command.id,
        commandHash: command.hash,
        streamId,
        fromRevision: sealed[0].revision,
        toRevision: last.revision,
        recordedAt,
      });
    }
    this.listeners.notify(position);
    return { streamId, nextRevision: last.revision, position, recordedAt };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.readStreamStored(streamId, options)).map((event) => this.upcasters.apply(event));
  }

  /** The events as stored, not upcast: what `verifyChain` checks. */
  async readStreamStored(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { fromRevision, recordedAtOrBefore, maxCount } = resolveReadStream(options);
    const selected = (this.streams.get(streamId) ?? []).filter(
      (event) =>
        event.revision >= fromRevision &&
        (recordedAtOrBefore === undefined || event.metadata.recordedAt <= recordedAtOrBefore),
    );
    return selected.slice(0, maxCount).map((event) => structuredClone(event));
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    return this.streams.get(streamId)?.at(-1)?.revision ?? -1;
  }

  /** Positions run from 1 without gaps, so an event's position is its place in the log. */
  eventsAt(positions: readonly GlobalPosition[]): (RecordedEvent | undefined)[] {
    this.assertOpen();
    return positions.map((position) => {
      const event = this.all[Number(position) - 1];
      return event && this.upcasters.apply(structuredClone(event));
    });
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.readAllStored(options)).map((event) => this.upcasters.apply(event));
  }

  /** A batch of the global feed as stored, not upcast. */
  async readAllStored(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { after, maxCount } = resolveReadAll(options);
    // Positions are 1..n without gaps, so position p sits at index p - 1.
    const start = after < 0n ? 0 : Number(after);
    return this.all.slice(start, start + maxCount).map((event) => structuredClone(event));
  }

  async headPosition(): Promise<GlobalPosition | null> {
    this.assertOpen();
    return this.all.at(-1)?.position ?? null;
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const record = this.commands.get(commandId);
    return record ? { ...record } : null;
  }

  onAppended(listener: (position: GlobalPosition) => void): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the memory event store is closed');
  }
}
