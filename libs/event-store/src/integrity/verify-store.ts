import type { StoredEventReader, StoredRecordedEvent } from '../upcasting';
import { type ChainAnchor, type IntegrityProblem, verifyChain } from './event-hash';
import { ShardedMap } from './sharded-map';
import { sortInTurns } from './sort-in-turns';
import { WHOLE_STORE_TURNS, type WorkTurns } from './work-turns';

/** The last stored event of a stream: keep its hash, and a later check proves nothing up to it changed. */
export interface StreamHead {
  readonly streamId: string;
  readonly revision: number;
  readonly hash: string;
}

export interface IntegrityReport {
  /** True when no problem was found. */
  readonly ok: boolean;
  readonly checkedEvents: number;
  /** Every problem found; `problems` lists the first `maxProblems` of them. */
  readonly problemCount: number;
  readonly problems: IntegrityProblem[];
  /** The head of every stream checked, by stream id. */
  readonly streams: StreamHead[];
}

export interface StoreVerifierOptions {
  /** Events read and checked per turn of the event loop. Default 100. */
  readonly batchSize?: number;
  /** Problems listed in a report; the rest are only counted. Default 1000. */
  readonly maxProblems?: number;
  /** Where each batch waits its turn; by default the queue all whole-store work in the process shares. */
  readonly turns?: WorkTurns;
  /** Told the events checked so far after every batch, for a long check to show it is moving. */
  readonly onProgress?: (checkedEvents: number) => void;
}

/**
 * A few milliseconds of hashing per turn. The collector, marking a million stream anchors, adds
 * its own steps to whichever turn allocates: on the 1,000,000-event store, 1,000 events a turn
 * held the event loop up to 260 ms, 250 up to 123 ms in the service, 100 up to 96 ms
 * (bench/stalls.bench.ts).
 */
const DEFAULT_BATCH_SIZE = 100;

/**
 * Checks the hash chains of a store in the form events were stored, a batch at a time: memory
 * stays constant apart from one anchor (revision and hash of the last event seen) per stream.
 * A damaged row is reported, never thrown: the rest of the store is still checked.
 */
export class StoreVerifier {
  private readonly batchSize: number;
  private readonly maxProblems: number;
  private readonly turns: WorkTurns;
  private readonly onProgress: (checkedEvents: number) => void;

  constructor(
    private readonly store: StoredEventReader,
    options: StoreVerifierOptions = {},
  ) {
    this.batchSize = positiveInteger('batchSize', options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.maxProblems = positiveInteger('maxProblems', options.maxProblems ?? 1000);
    this.turns = options.turns ?? WHOLE_STORE_TURNS;
    this.onProgress = options.onProgress ?? (() => undefined);
  }

  /**
   * Every stream in the store, read once in position order. Position order is the order events
   * were appended, so a stream's revisions must run 0, 1, 2... along it: a reordered or renumbered
   * row shows up even where a read by revision would sort it back into place.
   */
  async verifyAll(knownHeads: readonly StreamHead[] = []): Promise<IntegrityReport> {
    const check = new ChainCheck(knownHeads, this.maxProblems);
    let after: bigint | undefined;
    for (;;) {
      // An embedded store answers synchronously: each batch takes its turn, so other work runs in between.
      const read = await this.turns.take(async () => {
        const batch = await this.store.readAllStored(after === undefined ? { maxCount: this.batchSize } : { after, maxCount: this.batchSize });
        for (const events of byStream(batch)) check.segment(events);
        return batch;
      });
      this.onProgress(check.checked);
      if (read.length === 0) break;
      after = read[read.length - 1].position;
    }
    return check.report(this.turns);
  }

  /**
   * Only the named streams and those of `knownHeads`, each read from revision 0. A named stream
   * with no stored event is a problem: the caller names streams it knows to exist.
   */
  async verifyStreams(streamIds: Iterable<string>, knownHeads: readonly StreamHead[] = []): Promise<IntegrityReport> {
    const check = new ChainCheck(knownHeads, this.maxProblems);
    const named = new Set(streamIds);
    for (const streamId of new Set([...named, ...knownHeads.map((head) => head.streamId)])) {
      const found = await this.verifyStream(streamId, check);
      if (found === 0 && named.has(streamId)) check.problem({ streamId, revision: 0, problem: 'no events are stored for this stream' });
    }
    return check.report(this.turns);
  }

  private async verifyStream(streamId: string, check: ChainCheck): Promise<number> {
    let fromRevision = 0;
    let found = 0;
    for (;;) {
      const batch = await this.turns.take(async () => {
        const read = await this.store.readStreamStored(streamId, { fromRevision, maxCount: this.batchSize });
        check.segment(read);
        return read;
      });
      this.onProgress(check.checked);
      found += batch.length;
      if (batch.length < this.batchSize) return found;
      const last = batch[batch.length - 1].revision;
      // An edited revision column can hold anything; paging on it must not loop or throw.
      if (!Number.isSafeInteger(last) || last < fromRevision) {
        check.problem({ streamId, revision: fromRevision, problem: `revisions after ${fromRevision} cannot be read in order; the rest of the stream was not checked` });
        return found;
      }
      fromRevision = last + 1;
    }
  }
}

/** The state of one verification: an anchor per stream, the kept heads not yet met, the problems. */
class ChainCheck {
  /** One per stream: nearly a million on a store of a million events, so sharded (see ShardedMap). */
  private readonly anchors = new ShardedMap<ChainAnchor>();
  /** streamId → revision → kept hash, removed once the event at that revision is met. */
  private readonly expected = new Map<string, Map<number, string>>();
  private readonly problems: IntegrityProblem[] = [];
  private problemCount = 0;
  private checkedEvents = 0;

  get checked(): number {
    return this.checkedEvents;
  }

  constructor(
    knownHeads: readonly StreamHead[],
    private readonly maxProblems: number,
  ) {
    for (const head of knownHeads) {
      const revisions = this.expected.get(head.streamId) ?? new Map<number, string>();
      revisions.set(head.revision, head.hash);
      this.expected.set(head.streamId, revisions);
    }
  }

  /** Consecutive stored events of one stream, continuing where the last segment of it ended. */
  segment(events: readonly StoredRecordedEvent[]): void {
    if (events.length === 0) return;
    const streamId = events[0].streamId;
    let anchor = this.anchors.get(streamId);
    let run: StoredRecordedEvent[] = [];
    const flush = () => {
      if (run.length === 0) return;
      for (const problem of verifyChain(run, anchor)) this.problem(problem);
      anchor = anchorOf(run[run.length - 1]);
      run = [];
    };
    for (const event of events) {
      this.checkedEvents += 1;
      this.compareWithKeptHead(event);
      if (event.unreadable === undefined) {
        run.push(event);
        continue;
      }
      // Its content cannot be hashed, but its place in the chain can still be checked.
      flush();
      this.unreadable(event, anchor);
      anchor = anchorOf(event);
    }
    flush();
    if (anchor) this.anchors.set(streamId, anchor);
  }

  problem(problem: IntegrityProblem): void {
    this.problemCount += 1;
    if (this.problems.length < this.maxProblems) this.problems.push(problem);
  }

  async report(turns: WorkTurns): Promise<IntegrityReport> {
    for (const [streamId, revisions] of this.expected) {
      const end = this.anchors.get(streamId)?.revision;
      for (const revision of revisions.keys()) {
        const why =
          end === undefined ? 'the stream has no stored events' : end < revision ? `the stream now ends at revision ${end}` : 'no stored event has that revision';
        this.problem({ streamId, revision, problem: `the kept head at revision ${revision} is gone: ${why}` });
      }
    }
    // A store of a million events can hold nearly as many streams: their heads are sorted a
    // slice per turn, so the end of a check does not hold every other request for seconds.
    const heads = (function* (anchors: ShardedMap<ChainAnchor>) {
      for (const [streamId, anchor] of anchors.entries()) yield { streamId, revision: anchor.revision, hash: anchor.hash };
    })(this.anchors);
    const streams = await sortInTurns(heads, (a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0), turns);
    return { ok: this.problemCount === 0, checkedEvents: this.checkedEvents, problemCount: this.problemCount, problems: this.problems, streams };
  }

  private compareWithKeptHead(event: StoredRecordedEvent): void {
    const revisions = this.expected.get(event.streamId);
    const kept = revisions?.get(event.revision);
    if (kept === undefined) return;
    revisions?.delete(event.revision);
    if (kept !== event.hash) {
      this.problem({
        streamId: event.streamId,
        revision: event.revision,
        problem: 'hash differs from the kept head: the stream up to this revision is not what it was',
      });
    }
  }

  private unreadable(event: StoredRecordedEvent, anchor: ChainAnchor | undefined): void {
    const report = (problem: string) => this.problem({ streamId: event.streamId, revision: event.revision, problem });
    const expectedRevision = anchor ? anchor.revision + 1 : 0;
    if (event.revision !== expectedRevision) report(`revision ${event.revision} where ${expectedRevision} was expected`);
    if (event.prevHash !== (anchor?.hash ?? '')) report('prevHash does not link to the hash of the previous event');
    report(`${event.unreadable}, so its hash cannot be checked`);
  }
}

const anchorOf = (event: StoredRecordedEvent): ChainAnchor => ({ revision: event.revision, hash: event.hash });

/** A batch of the global feed split by stream, each stream's events in feed order. */
function byStream(batch: readonly StoredRecordedEvent[]): StoredRecordedEvent[][] {
  const streams = new Map<string, StoredRecordedEvent[]>();
  for (const event of batch) {
    const events = streams.get(event.streamId);
    if (events) events.push(event);
    else streams.set(event.streamId, [event]);
  }
  return [...streams.values()];
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
