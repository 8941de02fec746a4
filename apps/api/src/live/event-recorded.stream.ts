import { GraphQLError } from 'graphql';
import { auditRowMatcher, type AuditLogFilter, type AuditRow } from '@throughline/read-models';
import { LiveStream, type LiveLog } from './live-stream';

/** Rows read from the audit log at a time while catching up. */
const CATCH_UP_PAGE = 100;

export interface EventRecordedOptions<T> {
  readonly filter: AuditLogFilter;
  /** Deliver what was recorded after this position; null: from now on. */
  readonly after: bigint | null;
  /** Whether the caller may read the row (its PMO), the rule the audit log's readers are held to. */
  readonly mayRead: (row: AuditRow) => boolean;
  /** The row as the client is shown it (personal data opened, or named erased). */
  readonly show: (row: AuditRow) => Promise<T>;
  /** Rows that may wait for the client before the subscription ends. */
  readonly backlog: number;
  /** The error the client is sent for whatever the stream fails with. */
  readonly toClient?: (error: unknown) => Error;
}

/**
 * The audit log from a position on, then live, without a gap or a repeat. Catching up reads the
 * log's pages; the last page is read in the same turn as the read models' checkpoint, and the
 * stream goes live in that turn: every later batch then reaches accept() (the projector calls it
 * in the turn it commits), every earlier one was in the pages. Positions at or before the last
 * one seen are skipped, so a batch applied again (a rebuild) repeats nothing.
 */
export class EventRecordedStream<T> extends LiveStream<T> {
  private readonly matches: (row: AuditRow) => boolean;
  private readonly waiting: AuditRow[] = [];
  /** The last position read or passed over; every later row is still to come. */
  private cursor: bigint | null;
  /** The last position delivered (or the starting point): where the client resumes if this ends. */
  private delivered: bigint | null;
  private catchingUp: boolean;
  private readonly unfollow: () => void;

  constructor(
    private readonly feed: LiveLog,
    private readonly options: EventRecordedOptions<T>,
  ) {
    super(options.toClient);
    this.matches = auditRowMatcher(options.filter);
    this.catchingUp = options.after !== null;
    this.cursor = options.after ?? feed.checkpoint();
    this.delivered = this.cursor;
    // In the turn the checkpoint was read: nothing can be applied in between.
    this.unfollow = feed.follow(this);
    this.whenEnded(this.unfollow);
  }

  accept(rows: readonly AuditRow[]): void {
    // While catching up the pages read these from the log; taking them here too would repeat them.
    if (this.catchingUp || this.isClosed) return;
    for (const row of rows) {
      if (this.cursor !== null && row.position <= this.cursor) continue;
      this.cursor = row.position;
      if (this.matches(row) && this.options.mayRead(row)) this.waiting.push(row);
    }
    if (this.waiting.length > this.options.backlog) {
      this.fail(
        new GraphQLError(
          `more than ${this.options.backlog} events waited for this client; subscribe again with after: ${this.resumeAt()} to carry on without a gap`,
          { extensions: { code: 'SUBSCRIPTION_BACKLOG_FULL', after: this.resumeAt() } },
        ),
      );
      return;
    }
    this.notify();
  }

  protected async take(): Promise<T | undefined> {
    while (this.waiting.length === 0 && this.catchingUp) this.readPage();
    const row = this.waiting.shift();
    if (!row) return undefined;
    const shown = await this.options.show(row);
    this.delivered = row.position;
    return shown;
  }

  private readPage(): void {
    const size = Math.min(CATCH_UP_PAGE, this.options.backlog);
    const upTo = this.feed.checkpoint();
    const rows = this.feed.page(this.options.filter, this.cursor, size);
    for (const row of rows) if (this.options.mayRead(row)) this.waiting.push(row);
    if (rows.length === size) {
      this.cursor = rows[rows.length - 1]!.position;
      return;
    }
    // The log held nothing more up to the checkpoint: live from here, in this same turn.
    if (upTo !== null && (this.cursor === null || upTo > this.cursor)) this.cursor = upTo;
    this.catchingUp = false;
  }

  private resumeAt(): string {
    return this.delivered === null ? '0' : this.delivered.toString();
  }
}
