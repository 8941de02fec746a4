import { type CommandRecord, type StoredRecordedEvent, WrongExpectedRevisionError } from '@throughline/event-store';
import { MigrationError } from './migration-error';
import type { MigrationTarget } from './migration-target';
import type { CommandIndex, SqliteSource } from './sqlite-source';

export interface CopyOptions {
  /** Source position to continue after (0n: from the first event). */
  readonly after: bigint;
  /** Events read from the source at a time, and the most written in one append. */
  readonly batch: number;
  /** Stop once this many events were copied in this run; null: copy everything. */
  readonly limit: number | null;
  /** Called after each batch read from the source. */
  readonly onProgress: (copiedThisRun: number) => void;
}

export interface CopyOutcome {
  readonly copied: number;
  /** True when the limit stopped the copy; events may remain in the source. */
  readonly stoppedByLimit: boolean;
}

/**
 * Copies the source's events after `after` into the target in global order. Consecutive events of
 * one stream go in one append (at most `batch` of them, but never splitting the events of one
 * command), each append awaited before the next: the target then always holds a prefix of the
 * source's order, which is what lets findResumePoint find where an interrupted run stopped.
 */
export async function copyEvents(source: SqliteSource, target: MigrationTarget, commands: CommandIndex, options: CopyOptions): Promise<CopyOutcome> {
  const run = new PendingRun();
  let copied = 0;
  let cursor = options.after;
  const limitReached = () => options.limit !== null && copied >= options.limit;
  const flush = async () => {
    if (run.events.length === 0) return;
    const { events, commands: started } = run.take();
    await append(target, events, started);
    copied += events.length;
  };

  for (;;) {
    const page = await source.store.readAllStored({ after: cursor, maxCount: options.batch });
    if (page.length === 0) break;
    for (const event of page) {
      if (event.unreadable !== undefined) {
        throw new MigrationError(
          `the source's event in stream ${event.streamId} at revision ${event.revision} cannot be read (${event.unreadable}); ` +
            'run npm run audit:verify on the source and restore it from a backup',
        );
      }
      if (run.events.length > 0 && run.streamId !== event.streamId) await flush();
      if (limitReached()) break;
      run.push(event, commands.startingAt(event.streamId, event.revision));
      const room = options.limit === null ? options.batch : Math.min(options.batch, options.limit - copied);
      if (run.events.length >= room && run.closes(event)) await flush();
    }
    if (limitReached()) break;
    cursor = page[page.length - 1].position;
    options.onProgress(copied);
  }
  await flush();
  options.onProgress(copied);
  return { copied, stoppedByLimit: limitReached() };
}

/** Consecutive events of one stream waiting to be appended, with the commands that begin among them. */
class PendingRun {
  events: StoredRecordedEvent[] = [];
  commands: CommandRecord[] = [];
  /** The last revision of any command begun in this run. */
  private commandsEndAt = -1;

  get streamId(): string {
    return this.events[0].streamId;
  }

  push(event: StoredRecordedEvent, command: CommandRecord | undefined): void {
    this.events.push(event);
    if (command === undefined) return;
    this.commands.push(command);
    this.commandsEndAt = Math.max(this.commandsEndAt, command.toRevision);
  }

  /** Whether the run may end after this event: no command begun in it goes on past it. */
  closes(event: StoredRecordedEvent): boolean {
    return event.revision >= this.commandsEndAt;
  }

  take(): { events: StoredRecordedEvent[]; commands: CommandRecord[] } {
    const taken = { events: this.events, commands: this.commands };
    this.events = [];
    this.commands = [];
    this.commandsEndAt = -1;
    return taken;
  }
}

async function append(target: MigrationTarget, events: StoredRecordedEvent[], commands: CommandRecord[]): Promise<void> {
  try {
    await target.appendStored(events, commands);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const first = events[0];
    throw new MigrationError(
      `conflict in stream ${first.streamId}: the target holds it up to revision ${error.currentRevision}, ` +
        `where this migration was to write revision ${first.revision} next. The target holds events this source did not write; ` +
        'migrate into an empty EventStoreDB.',
      { cause: error },
    );
  }
}
