import {
  type CommandRecord,
  type ReadAllOptions,
  type ReadStreamOptions,
  StoreVerifier,
  type StoredEventReader,
  type StoredRecordedEvent,
} from '@throughline/event-store';
import type { MigrationTarget } from './migration-target';
import type { CommandIndex, SqliteSource } from './sqlite-source';

export interface MigrationCheck {
  readonly ok: boolean;
  readonly sourceEvents: number;
  readonly targetEvents: number;
  readonly streams: number;
  readonly commands: number;
  /** Every difference found, one line each (the first MAX_LISTED, then a count). */
  readonly problems: string[];
}

const MAX_LISTED = 50;

/**
 * The checks after a copy, in one pass over the target. The integrity verifier checks every hash
 * chain of the target's feed (the service's streams); as it reads, each event is compared with
 * the source's event at the same place in the global order: same id, stream, revision and hash.
 * Each hash covers the event's type, data and metadata (recordedAt included) and chains to the one
 * before, so intact chains with equal hashes mean every event arrived unchanged, in order. Then
 * both must hold the same number of events, and every command record of the source must be found
 * in the target, the same.
 */
export async function verifyMigration(source: SqliteSource, target: MigrationTarget, commands: CommandIndex): Promise<MigrationCheck> {
  const problems: string[] = [];
  const note = (line: string) => problems.push(line);
  const comparing = new ComparingReader(target, source, note);
  const report = await new StoreVerifier(comparing).verifyAll();
  for (const { streamId, revision, problem } of report.problems) note(`target: ${streamId} revision ${revision}: ${problem}`);

  const sourceEvents = source.eventCount();
  if (sourceEvents !== report.checkedEvents) {
    note(`the source holds ${sourceEvents} events and the target ${report.checkedEvents} in the service's streams`);
  }
  await compareCommands(commands.records(), target, note);

  const listed = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) listed.push(`... and ${problems.length - MAX_LISTED} more`);
  return { ok: problems.length === 0, sourceEvents, targetEvents: report.checkedEvents, streams: report.streams.length, commands: commands.size, problems: listed };
}

/** The target's stored reads, comparing each event of its feed with the source's in the same place. */
class ComparingReader implements StoredEventReader {
  private sourceCursor = 0n;
  private pending: StoredRecordedEvent[] = [];
  private compared = 0;
  private differed = false;

  constructor(
    private readonly target: MigrationTarget,
    private readonly source: SqliteSource,
    private readonly note: (line: string) => void,
  ) {}

  readStreamStored(streamId: string, options?: ReadStreamOptions): Promise<StoredRecordedEvent[]> {
    return this.target.readStreamStored(streamId, options);
  }

  async readAllStored(options?: ReadAllOptions): Promise<StoredRecordedEvent[]> {
    const batch = await this.target.readAllStored(options);
    for (const copy of batch) await this.compare(copy);
    return batch;
  }

  private async compare(copy: StoredRecordedEvent): Promise<void> {
    this.compared += 1;
    // After the first difference the feeds are out of step: one report is what helps.
    if (this.differed) return;
    const original = await this.nextSourceEvent();
    const same =
      original !== undefined &&
      original.id === copy.id &&
      original.streamId === copy.streamId &&
      original.revision === copy.revision &&
      original.hash === copy.hash;
    if (same) return;
    this.differed = true;
    const described = original ? `stream ${original.streamId} revision ${original.revision} (event ${original.id})` : 'nothing';
    this.note(
      `event ${this.compared} of the target's feed, stream ${copy.streamId} revision ${copy.revision} (event ${copy.id}), ` +
        `is not the source's event ${this.compared}: ${described}`,
    );
  }

  private async nextSourceEvent(): Promise<StoredRecordedEvent | undefined> {
    if (this.pending.length === 0) {
      this.pending = await this.source.store.readAllStored({ after: this.sourceCursor, maxCount: 1000 });
      if (this.pending.length === 0) return undefined;
      this.sourceCursor = this.pending[this.pending.length - 1].position;
      this.pending.reverse();
    }
    return this.pending.pop();
  }
}

async function compareCommands(records: Iterable<CommandRecord>, target: MigrationTarget, note: (line: string) => void): Promise<void> {
  for (const record of records) {
    const copy = await target.findCommand(record.commandId);
    if (copy === null) {
      note(`command ${record.commandId} (stream ${record.streamId} revision ${record.fromRevision}) is not recorded in the target`);
      continue;
    }
    const differs = (['commandHash', 'streamId', 'fromRevision', 'toRevision', 'recordedAt'] as const).filter((field) => copy[field] !== record[field]);
    if (differs.length > 0) note(`command ${record.commandId} differs in the target: ${differs.join(', ')}`);
  }
}
