import type { RecordedFacts } from '@throughline/domain';
import type { EventStore, RecordedEvent } from '@throughline/event-store';
import type { CheckpointSource } from './view-checkpoint.reader';

/** What a fold needs of an event: the shape views evolve over. */
export interface FoldableEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A view projection as a fold over stored events sees it. */
export interface StreamView<V> {
  readonly initialState: V;
  evolve(view: V, event: FoldableEvent, facts: RecordedFacts): V;
}

/** A stream folded up to a recorded instant. */
export interface FoldedStream<V> {
  readonly view: V;
  /** Revision of the last event folded in. */
  readonly revision: number;
  /** When revision 0 was recorded. */
  readonly createdAt: string;
  /** When the last event folded in was recorded. */
  readonly updatedAt: string;
}

interface Checkpoint {
  readonly revision: number;
  readonly recordedAt: string;
  readonly view: unknown;
}

interface StreamCheckpoints {
  readonly createdAt: string;
  /** Ascending by revision, one every `interval` events, contiguous from the stream's start. */
  readonly checkpoints: Checkpoint[];
}

export interface AsOfFoldsOptions {
  /** Events between two checkpoints: the most a fold ever reads and evolves. Default 64. */
  readonly interval?: number;
  /** Checkpoints kept across all streams; the least recently used streams are dropped first. Default 20,000. */
  readonly maxCheckpoints?: number;
  /** Events read at a time past the last checkpoint, where no later one bounds the read. Default 1,000. */
  readonly pageSize?: number;
  /**
   * Checkpoints kept with the read models (ViewCheckpointReader): where they cover a stream, a fold
   * starts from the last one at or before the instant, from the first question after a start on.
   * Those streams keep no checkpoints in memory.
   */
  readonly checkpoints?: CheckpointSource;
}

/**
 * Folds a stream's view as of a recorded instant without replaying it from the start each time:
 * the same view evolve as the read model, so an answer about the past is what the read model
 * said then.
 *
 * Views fold in linear time, so evolving is not what a cold fold of a long stream pays for:
 * reading it is (a 10,000-event stream takes some hundreds of milliseconds to read from SQLite,
 * against a few tens to evolve). Every fold therefore leaves a checkpoint (the folded view)
 * every `interval` revisions, as the command path's state cache saves re-reading a stream. A
 * later question for instant T starts from the last checkpoint recorded at or before T and reads
 * at most `interval` events, which recorded time orders along a stream because the store stamps
 * it non-decreasing.
 *
 * Checkpoints are derived and never stale: events are immutable, so the view at a revision
 * never changes. Those of this class live in memory and are dropped when the budget is exceeded;
 * where the read models keep checkpoints of a stream (`options.checkpoints`), those are used
 * instead, from the first question after a start on.
 */
export class AsOfFolds {
  private readonly interval: number;
  private readonly maxCheckpoints: number;
  private readonly pageSize: number;
  /** Insertion order doubles as recency: a stream is re-inserted each time it is used. */
  private readonly streams = new Map<string, StreamCheckpoints>();
  private checkpointCount = 0;
  private readonly persisted: CheckpointSource | null;

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    options: AsOfFoldsOptions = {},
  ) {
    this.interval = options.interval ?? 64;
    this.maxCheckpoints = options.maxCheckpoints ?? 20_000;
    // A cold fold of a long stream reads it in a few large pages rather than one per checkpoint.
    this.pageSize = Math.max(options.pageSize ?? 1_000, this.interval);
    this.persisted = options.checkpoints ?? null;
    if (!Number.isInteger(this.interval) || this.interval < 1) throw new RangeError('interval must be a positive integer');
  }

  /** The stream as it stood at `asOf`, or null when it had no event recorded by then. */
  async fold<V>(streamId: string, projection: StreamView<V>, asOf: string): Promise<FoldedStream<V> | null> {
    const persisted = this.persisted?.atOrBefore(streamId, projection, asOf);
    if (persisted !== undefined && persisted !== null) return this.foldFrom(streamId, projection, asOf, persisted);
    const known = this.touch(streamId);
    const checkpoints = known?.checkpoints ?? [];
    const at = lastRecordedAtOrBefore(checkpoints, asOf);
    const start = at >= 0 ? checkpoints[at] : undefined;
    // A later checkpoint recorded after the instant bounds the read: the answer lies before it.
    const bound = checkpoints[at + 1];

    let view = (start?.view as V | undefined) ?? projection.initialState;
    let revision = start?.revision ?? -1;
    let createdAt = known?.createdAt;
    let updatedAt = start?.recordedAt;

    for (;;) {
      const maxCount = bound ? bound.revision - revision : this.pageSize;
      // The store cuts the read at the instant, so no page reads past the answer.
      const events = await this.store.readStream(streamId, { fromRevision: revision + 1, recordedAtOrBefore: asOf, maxCount });
      let passedInstant = false;
      for (const event of events) {
        if (event.metadata.recordedAt > asOf) {
          passedInstant = true;
          break;
        }
        view = projection.evolve(view, event, { revision: event.revision, recordedAt: event.metadata.recordedAt, actor: event.metadata.actor });
        revision = event.revision;
        updatedAt = event.metadata.recordedAt;
        createdAt ??= updatedAt;
        if (!bound) this.remember(streamId, createdAt, event, view);
      }
      if (passedInstant || bound || events.length < maxCount) break;
    }

    if (revision < 0 || createdAt === undefined || updatedAt === undefined) return null;
    return { view, revision, createdAt, updatedAt };
  }

  /**
   * From a kept checkpoint: only the events recorded after it and by the instant are read, the
   * store cutting them at the instant (recorded time never falls along a stream).
   */
  private async foldFrom<V>(streamId: string, projection: StreamView<V>, asOf: string, start: { revision: number; recordedAt: string; view: unknown }): Promise<FoldedStream<V>> {
    let view = start.view as V;
    let revision = start.revision;
    let updatedAt = start.recordedAt;
    for (;;) {
      const events = await this.store.readStream(streamId, { fromRevision: revision + 1, recordedAtOrBefore: asOf, maxCount: this.pageSize });
      for (const event of events) {
        view = projection.evolve(view, event, { revision: event.revision, recordedAt: event.metadata.recordedAt, actor: event.metadata.actor });
        revision = event.revision;
        updatedAt = event.metadata.recordedAt;
      }
      if (events.length < this.pageSize) break;
    }
    const [first] = await this.store.readStream(streamId, { fromRevision: 0, maxCount: 1 });
    return { view, revision, createdAt: first?.metadata.recordedAt ?? start.recordedAt, updatedAt };
  }

  /** Checkpoints held, across all streams. */
  get size(): number {
    return this.checkpointCount;
  }

  private touch(streamId: string): StreamCheckpoints | undefined {
    const known = this.streams.get(streamId);
    if (known) {
      this.streams.delete(streamId);
      this.streams.set(streamId, known);
    }
    return known;
  }

  private remember(streamId: string, createdAt: string, event: RecordedEvent, view: unknown): void {
    if ((event.revision + 1) % this.interval !== 0) return;
    let known = this.streams.get(streamId);
    if (!known) {
      known = { createdAt, checkpoints: [] };
      this.streams.set(streamId, known);
    }
    const last = known.checkpoints[known.checkpoints.length - 1];
    // Two folds of one stream can run at once; only the one that extends the run keeps its view.
    if ((last?.revision ?? -1) + this.interval !== event.revision) return;
    known.checkpoints.push({ revision: event.revision, recordedAt: event.metadata.recordedAt, view });
    this.checkpointCount += 1;
    this.evict(streamId);
  }

  private evict(keep: string): void {
    for (const [streamId, known] of this.streams) {
      if (this.checkpointCount <= this.maxCheckpoints) return;
      if (streamId === keep) continue;
      this.streams.delete(streamId);
      this.checkpointCount -= known.checkpoints.length;
    }
  }
}

/** Index of the last checkpoint recorded at or before the instant, -1 when there is none. */
function lastRecordedAtOrBefore(checkpoints: readonly Checkpoint[], asOf: string): number {
  let low = 0;
  let high = checkpoints.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (checkpoints[middle]!.recordedAt <= asOf) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
