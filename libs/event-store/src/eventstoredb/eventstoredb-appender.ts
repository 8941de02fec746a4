/**
 * Appends on EventStoreDB: hash chaining, recordedAt, the caller's expected revision and the
 * two-write command protocol described in eventstoredb-event-store.ts.
 */
import { NO_STREAM } from '@eventstore/db-client';
import { checkExpectedRevision } from '../append-rules';
import { KeyedLock } from '../command-handling/keyed-lock';
import { CommandAlreadyRecordedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { AppendOptions, AppendResult, CommandRecord, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';
import { EMPTY_STREAM_HEAD, sealEvents, stampRecordedAt } from '../sealed-event';
import type { EventStoreDbCalls } from './eventstoredb-calls';
import { type ClaimReads, claimEvent, claimStreamOf, commandState, type CommandState, releaseEvent } from './eventstoredb-command-claims';
import { type CommandMarker, commandRecordOf, decodeEvent, toEventData } from './eventstoredb-envelope';

type Head = { readonly revision: number; readonly hash: string; readonly recordedAt: string | null };
type WriteOutcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly currentRevision: number };

/** Attempts when other writers keep moving the stream or the claim between our read and write. */
const MAX_CONTENDED_ATTEMPTS = 20;

export class EventStoreDbAppender {
  readonly claimReads: ClaimReads;
  /** One key: this instance stamps recordedAt and writes events one append at a time. */
  private readonly writeOrder = new KeyedLock();
  private lastRecordedAt: string | null = null;

  constructor(
    private readonly calls: EventStoreDbCalls,
    private readonly clock: () => Date,
    private readonly commandLeaseMs: number,
  ) {
    this.claimReads = {
      lastEventOf: async (streamName) => (await calls.readStream(streamName, 'end', 'backwards', 1))[0] ?? null,
      eventAt: async (streamId, revision) => {
        const [event] = await calls.readStream(streamId, BigInt(revision), 'forwards', 1);
        if (!event) return null;
        try {
          return decodeEvent(event);
        } catch {
          return 'foreign';
        }
      },
    };
  }

  commandState(commandId: string): Promise<CommandState> {
    return commandState(this.claimReads, commandId, this.commandLeaseMs, this.clock());
  }

  /** Appends with the stream already locked in this process. */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    command: AppendOptions['command'],
  ): Promise<AppendResult> {
    const waitUntil = Date.now() + this.calls.deadlineMs;
    let contended = 0;
    for (let attempt = 1; ; attempt += 1) {
      const state = command ? await this.commandState(command.id) : null;
      if (state?.kind === 'recorded') throw new CommandAlreadyRecordedError(state.record);

      const head = await this.readHead(streamId);
      checkExpectedRevision(streamId, expected, head.revision);
      const fromRevision = head.revision + 1;
      const toRevision = head.revision + events.length;

      let claimRevision: bigint | null = null;
      if (command && state) {
        const replaces = claimToReplace(state, streamId, fromRevision);
        if (replaces === 'wait') {
          if (Date.now() >= waitUntil) {
            throw new StoreUnavailableError(`command ${command.id} is still being carried out by another writer; try again later`);
          }
          await sleep(Math.min(100, 5 * attempt));
          continue;
        }
        const claimedAt = this.clock().toISOString();
        const claim = { commandId: command.id, commandHash: command.hash, streamId, fromRevision, toRevision, claimedAt };
        const written = await this.calls.append(claimStreamOf(command.id), [claimEvent(claim)], replaces ?? NO_STREAM);
        if (!written.ok) {
          // Another writer claimed the command in between: look again at where it stands.
          if (++contended >= MAX_CONTENDED_ATTEMPTS) {
            throw new StoreUnavailableError(`command ${command.id} is contended; try again later`);
          }
          continue;
        }
        claimRevision = written.revision;
      }

      const marker: CommandMarker | null = command ? { id: command.id, hash: command.hash, fromRevision, toRevision } : null;
      let outcome: WriteOutcome;
      try {
        outcome = await this.writeEvents(streamId, events, head, marker);
      } catch (error) {
        // Refused outright (too large, access denied...): nothing landed. Unavailable: it may have.
        if (command && claimRevision !== null && !(error instanceof StoreUnavailableError)) {
          await this.releaseClaim(command.id, claimRevision, 'the append was refused');
        }
        throw error;
      }
      if (outcome.ok) return outcome.result;

      if (command && claimRevision !== null) {
        const landed = await this.claimReads.eventAt(streamId, fromRevision);
        // An earlier attempt of this very command is what took the revision.
        if (landed !== null && landed !== 'foreign' && landed.command?.id === command.id) {
          throw new CommandAlreadyRecordedError(commandRecordOf(landed) as CommandRecord);
        }
        await this.releaseClaim(command.id, claimRevision, 'the stream was not at the claimed revision');
      }
      if ((expected === 'any' || expected === 'stream_exists') && ++contended < MAX_CONTENDED_ATTEMPTS) continue;
      throw new WrongExpectedRevisionError(streamId, expected, outcome.currentRevision);
    }
  }

  /**
   * Writes events exactly as another store recorded them (see EventStoreDbEventStore.appendStored),
   * claims first as for any command, then the events marked for the commands they carried out.
   */
  async appendStored(events: readonly RecordedEvent[], commands: readonly CommandRecord[]): Promise<AppendResult> {
    const first = events[0];
    const last = events[events.length - 1];
    const markers = new Map<number, CommandMarker>();
    for (const record of commands) {
      const marker = { id: record.commandId, hash: record.commandHash, fromRevision: record.fromRevision, toRevision: record.toRevision };
      for (let revision = record.fromRevision; revision <= record.toRevision; revision += 1) markers.set(revision, marker);
      if (record.fromRevision < first.revision) continue;
      const claim = { ...record, claimedAt: record.recordedAt };
      // Already there from an interrupted run: the events below complete it.
      await this.calls.append(claimStreamOf(record.commandId), [claimEvent(claim)], NO_STREAM);
    }
    return this.writeOrder.run('', async () => {
      const expected = first.revision === 0 ? NO_STREAM : BigInt(first.revision - 1);
      const written = await this.calls.append(
        first.streamId,
        events.map((event) => toEventData(event, markers.get(event.revision) ?? null)),
        expected,
      );
      if (!written.ok) throw new WrongExpectedRevisionError(first.streamId, first.revision - 1, written.currentRevision);
      if (written.revision !== BigInt(last.revision) || written.position === undefined) {
        throw new Error(`EventStoreDB stored the events of ${first.streamId} at revision ${written.revision}, not ${last.revision}`);
      }
      this.lastRecordedAt = latest(this.lastRecordedAt, last.metadata.recordedAt);
      return { streamId: first.streamId, nextRevision: last.revision, position: written.position, recordedAt: last.metadata.recordedAt };
    });
  }

  /** Seals and writes the events at exactly the head's revision, stamped in this instance's order. */
  private writeEvents(streamId: string, events: readonly NewEvent[], head: Head, marker: CommandMarker | null): Promise<WriteOutcome> {
    return this.writeOrder.run('', async () => {
      const recordedAt = stampRecordedAt(this.clock, latest(this.lastRecordedAt, head.recordedAt));
      const sealed = sealEvents(streamId, events, head, recordedAt);
      const written = await this.calls.append(
        streamId,
        sealed.map((event) => toEventData(event, marker)),
        head.revision === -1 ? NO_STREAM : BigInt(head.revision),
      );
      if (!written.ok) return written;
      const last = sealed[sealed.length - 1];
      if (written.revision !== BigInt(last.revision) || written.position === undefined) {
        throw new Error(`EventStoreDB stored the append to ${streamId} at revision ${written.revision}, not ${last.revision}`);
      }
      this.lastRecordedAt = recordedAt;
      return { ok: true, result: { streamId, nextRevision: last.revision, position: written.position, recordedAt } };
    });
  }

  /** Best effort: a release that is lost leaves a claim that is fenced off or expires. */
  private async releaseClaim(commandId: string, claimRevision: bigint, reason: string): Promise<void> {
    await this.calls.append(claimStreamOf(commandId), [releaseEvent(commandId, reason)], claimRevision).catch(() => undefined);
  }

  private async readHead(streamId: string): Promise<Head> {
    const [last] = await this.calls.readStream(streamId, 'end', 'backwards', 1);
    if (!last) return { ...EMPTY_STREAM_HEAD, recordedAt: null };
    const { event } = decodeEvent(last);
    return { revision: event.revision, hash: event.hash, recordedAt: event.metadata.recordedAt };
  }
}

/** What a new claim must replace: nothing, a claim revision, or 'wait' for a pending claim elsewhere. */
function claimToReplace(state: CommandState, streamId: string, fromRevision: number): bigint | null | 'wait' {
  if (state.kind === 'free') return state.claimRevision;
  if (state.kind === 'pending') {
    // The same stream at the same revision: our events and the pending ones exclude each other.
    const sameSlot = state.claim.streamId === streamId && state.claim.fromRevision === fromRevision;
    return sameSlot ? state.claimRevision : 'wait';
  }
  return 'wait';
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
