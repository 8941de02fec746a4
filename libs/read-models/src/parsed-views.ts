/** A stored entity row as entity_state holds it: the view as JSON text, and when it was folded. */
export interface StoredView {
  readonly state: string;
  readonly revision: number;
}

interface Parsed<R> {
  readonly state: string;
  readonly revision: number;
  readonly record: R;
  /** The generation of the store (see `confirmed`) at which the row last read as this; undefined if never told. */
  confirmedAt: number | undefined;
}

/** Makes a parsed view (plain JSON: objects, arrays, primitives) read-only all the way down. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

/**
 * Records parsed from stored rows, by stream, so that a point read of a row that has not changed
 * since it was last read answers the same record instead of parsing its JSON again (a few
 * microseconds a view, a dozen views in an alignment report). The row decides, never the memo: a
 * record is reused only when the row read now holds the very text and revision it was parsed
 * from, so any write, by this process or another, is seen by the next read. Records are frozen,
 * as every reader of a stream shares one.
 *
 * Where the store can tell that nothing in it has changed (a generation, as ReadModelDb answers
 * it), a record read at the generation asked about answers without reading its row again.
 *
 * Bounded by two generations of `capacity` streams each: when the newer fills up, the older is
 * dropped and the newer takes its place, and a stream read from the older moves to the newer. The
 * views read most stay; a scan over many streams costs at most two maps' worth of memory.
 */
export class ParsedViews<Row extends StoredView, R> {
  private newer = new Map<string, Parsed<R>>();
  private older = new Map<string, Parsed<R>>();

  constructor(
    private readonly parse: (row: Row) => R,
    private readonly capacity = 1024,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  /**
   * The record of `streamId` when its row was last read at `generation` of the store, which the
   * store answered just now: nothing has changed since, so the row would read the same. Undefined
   * when the row has to be read.
   */
  confirmed(streamId: string, generation: number): R | undefined {
    const newer = this.newer.get(streamId);
    const known = newer ?? this.older.get(streamId);
    if (known === undefined || known.confirmedAt !== generation) return undefined;
    if (newer === undefined) this.remember(streamId, known);
    return known.record;
  }

  /**
   * The record of `row`, the stored row of `streamId` just read, at `generation` of the store when
   * it tells one (asked before the row was read). With `remember` false (a scan: rows read once
   * each), a record parsed now is not kept: keeping every row of a scan would double its cost, as
   * each record then outlives the young generation of the garbage collector.
   */
  recordOf(streamId: string, row: Row, remember = true, generation?: number): R {
    const newer = this.newer.get(streamId);
    const known = newer ?? this.older.get(streamId);
    if (known !== undefined && known.revision === row.revision && known.state === row.state) {
      known.confirmedAt = generation;
      if (remember && newer === undefined) this.remember(streamId, known);
      return known.record;
    }
    if (!remember) return this.parse(row);
    const parsed = { state: row.state, revision: row.revision, record: deepFreeze(this.parse(row)), confirmedAt: generation };
    this.remember(streamId, parsed);
    return parsed.record;
  }

  /** How many streams are remembered (for specs). */
  get size(): number {
    let size = this.newer.size;
    for (const streamId of this.older.keys()) if (!this.newer.has(streamId)) size++;
    return size;
  }

  private remember(streamId: string, parsed: Parsed<R>): void {
    if (this.newer.size >= this.capacity && !this.newer.has(streamId)) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(streamId, parsed);
  }
}
