import type Database from 'better-sqlite3';
import type { StreamHead } from '../sealed-event';

/** Heads kept at most; past it they are forgotten at once and read again as streams are written. */
const CAPACITY = 10_000;

/**
 * The head (last revision and hash) of the streams this connection has read or written, and the
 * last recordedAt it committed, so an append need not read them from the file. Another
 * connection's commit makes all of it stale: SQLite's data_version changes exactly then, and the
 * writer checks it at the start of every write transaction, under the write lock, forgetting
 * everything when it changed. Heads written by a transaction count only once it committed; a rollback forgets all.
 */
export class StreamHeads {
  private readonly dataVersion: Database.Statement<[], number>;
  private version: number | undefined;
  private readonly heads = new Map<string, StreamHead>();
  private readonly pending = new Map<string, StreamHead>();
  private last: string | null | undefined;
  private pendingLast: string | undefined;

  constructor(db: Database.Database) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** At the start of a write transaction: forgets all when another connection committed since. */
  begin(): void {
    this.pending.clear();
    this.pendingLast = undefined;
    const version = this.dataVersion.get();
    if (version !== this.version) {
      this.version = version;
      this.heads.clear();
      this.last = undefined;
    }
  }

  get(streamId: string, read: () => StreamHead): StreamHead {
    const known = this.pending.get(streamId) ?? this.heads.get(streamId);
    if (known) return known;
    // Read in the transaction under the write lock: what is committed, whatever becomes of it.
    const head = read();
    this.remember(streamId, head);
    return head;
  }

  lastRecordedAt(read: () => string | null): string | null {
    if (this.last === undefined) this.last = read();
    return this.last;
  }

  wrote(streamId: string, head: StreamHead): void {
    this.pending.set(streamId, head);
  }

  recorded(recordedAt: string): void {
    this.pendingLast = recordedAt;
  }

  committed(): void {
    for (const [streamId, head] of this.pending) this.remember(streamId, head);
    if (this.pendingLast !== undefined) this.last = this.pendingLast;
    this.pending.clear();
  }

  /**
   * After a batch rolled back: forgets everything, so a commit that failed yet reached the file
   * is read back rather than written over.
   */
  rolledBack(): void {
    this.pending.clear();
    this.pendingLast = undefined;
    this.heads.clear();
    this.last = undefined;
  }

  private remember(streamId: string, head: StreamHead): void {
    if (this.heads.size >= CAPACITY && !this.heads.has(streamId)) this.heads.clear();
    this.heads.set(streamId, head);
  }
}
