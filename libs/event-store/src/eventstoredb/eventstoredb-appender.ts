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
type WriteOutcome =
  | { readonly ok: true; readonly result: AppendResult; readonly head: Head }
  | { readonly ok: false; readonly currentRevision: number };
type StreamInFlight = { appends: number; head: Head | null };

/** Attempts when other writers keep moving the stream or the claim between our read and write. */
const MAX_CONTENDED_ATTEMPTS = 20;

export class EventStoreDbAppender {
  readonly claimReads: ClaimReads;
  /**
   * The one lock an append takes in this store, held from stamping recordedAt to the server's
   * answer, across all streams (one key). It is what keeps recordedAt in $all order for this
   * instance's appends: two writes in flight at once may commit in either order, and recordedAt,
   * sealed into each event's hash, cannot be corrected afterwards. Everything else an append
   * relies on holds without a lock: the server refuses a write at a revision that is no longer the
   * stream's end, so no acknowledged write is lost and a stale expected revision is a conflict; the
   * claim protocol lets one writer of a command win, so none is applied twice. Hence no per-stream
   * lock here. The command path serialises its own read–decide–append per stream before it gets
   * here (that lock guards the decision, not the write), and appends of this instance to one
   * stream follow each other through this lock (see appendPlain).
   */
  private readonly appendOrder = new KeyedLock();
  private lastRecordedAt: string | null = null;
  /** Streams this instance is appending to without a command, with the end its last write left. */
  private readonly streamsInFlight = new Map<string, StreamInFlight>();

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

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    command: AppendOptions['command'],
  ): Promise<AppendResult> {
    return command ? this.appendCommand(streamId, events, expected, command) : this.appendPlain(streamId, events, expected);
  }

  /**
   * Without a per-stream lock, appends of this instance to one stream would all read the same end
   * and all but one fail; so each starts from the end the previous one left (the stream is then
   * known without a read), and reads it only when alone on the stream or after a refusal. A read
   * outside the lock lets appends to different streams overlap their reads; a refusal then means
   * another instance moved the stream, and the next attempt reads it again inside the lock.
   */
  private async appendPlain(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const stream = this.enterStream(streamId);
    try {
      let read: Head | null = null;
      if (stream.appends === 1) {
        read = await this.readHead(streamId);
        checkExpectedRevision(streamId, expected, read.revision);
      }
      for (let attempt = 1; ; attempt += 1) {
        const outcome = await this.appendOrder.run('', async () => {
          // A remembered end may be behind another instance's append: refuse only on one just read.
          let head = later(read, stream.head);
          if (head === null || !holds(streamId, expected, head.revision)) head = await this.readHead(streamId);
          checkExpectedRevision(streamId, expected, head.revision);
          stream.head = null; // until this write is known to have landed
          const written = await this.writeEvents(streamId, events, head, null);
          if (written.ok) stream.head = written.head;
          return written;
        });
        if (outcome.ok) return outcome.result;
        const retryable = expected === 'any' || expected === 'stream_exists';
        if (!retryable || attempt >= MAX_CONTENDED_ATTEMPTS) throw new WrongExpectedRevisionError(streamId, expected, outcome.currentRevision);
        read = null;
      }
    } finally {
      this.leaveStream(streamId);
    }
  }

  /** The two-write protocol: claim the command, then write its events at the claimed revisions. */
  private async appendCommand(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    command: NonNullable<AppendOptions['command']>,
  ): Promise<AppendResult> {
    const waitUntil = Date.now() + this.calls.deadlineMs;
    let contended = 0;
    for (let attempt = 1; ; attempt += 1) {
      const state = await this.commandState(command.id);
      if (state.kind === 'recorded') throw new CommandAlreadyRecordedError(state.record);

      const head = await this.readHead(streamId);
      checkExpectedRevision(streamId, expected, head.revision);
      const fromRevision = head.revision + 1;
      const toRevision = head.revision + events.length;

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
      const claimed = await this.calls.append(claimStreamOf(command.id), [claimEvent(claim)], replaces ?? NO_STREAM);
      if (!claimed.ok) {
        // Another writer claimed the command in between: look again at where it stands.
        if (++contended >= MAX_CONTENDED_ATTEMPTS) {
          throw new StoreUnavailableError(`command ${command.id} is contended; try again later`);
        }
        continue;
      }
      const claimRevision = claimed.revision;

      const marker: CommandMarker = { id: command.id, hash: command.hash, fromRevision, toRevision };
      let outcome: WriteOutcome;
      try {
        outcome = await this.appendOrder.run('', () => this.writeEvents(streamId, events, head, marker));
      } catch (error) {
        // Refused outright (too large, access denied...): nothing landed. Unavailable: it may have.
        if (!(error instanceof StoreUnavailableError)) await this.releaseClaim(command.id, claimRevision, 'the append was refused');
        throw error;
      }
      if (outcome.ok) return outcome.result;

      const landed = await this.claimReads.eventAt(streamId, fromRevision);
      // An earlier attempt of this very command is what took the revision.
      if (landed !== null && landed !== 'foreign' && landed.command?.id === command.id) {
        throw new CommandAlreadyRecordedError(commandRecordOf(landed) as CommandRecord);
      }
      await this.releaseClaim(command.id, claimRevision, 'the stream was not at the claimed revision');
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
    return this.appendOrder.run('', async () => {
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

  /**
   * Seals and writes the events at exactly the head's revision, stamped in this instance's order.
   * Runs inside appendOrder: the stamp must not be overtaken by another write of this instance.
   */
  private async writeEvents(streamId: string, events: readonly NewEvent[], head: Head, marker: CommandMarker | null): Promise<WriteOutcome> {
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
    return {
      ok: true,
      result: { streamId, nextRevision: last.revision, position: written.position, recordedAt },
      head: { revision: last.revision, hash: last.hash, recordedAt },
    };
  }

  private enterStream(streamId: string): StreamInFlight {
    const stream = this.streamsInFlight.get(streamId) ?? { appends: 0, head: null };
    stream.appends += 1;
    this.streamsInFlight.set(streamId, stream);
    return stream;
  }

  private leaveStream(streamId: string): void {
    const stream = this.streamsInFlight.get(streamId);
    if (stream && --stream.appends === 0) this.streamsInFlight.delete(streamId);
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

function holds(streamId: string, expected: ExpectedRevision, current: number): boolean {
  try {
    checkExpectedRevision(streamId, expected, current);
    return true;
  } catch {
    return false;
  }
}

/** The further of two known ends of one stream. */
function later(a: Head | null, b: Head | null): Head | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.revision >= b.revision ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
