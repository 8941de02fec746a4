import type { CommandRecord, ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the writer expected; nothing was appended. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly currentRevision: number,
  ) {
    super(`stream ${streamId} is at revision ${currentRevision}, expected ${String(expected)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** The command id was recorded before; nothing was appended. */
export class CommandAlreadyRecordedError extends Error {
  constructor(readonly record: CommandRecord) {
    super(`command ${record.commandId} was already recorded`);
    this.name = 'CommandAlreadyRecordedError';
  }
}

/** The store cannot be reached or did not answer in time. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** An event id in the append is already stored (or repeated within it); nothing was appended. */
export class DuplicateEventIdError extends Error {
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already recorded`);
    this.name = 'DuplicateEventIdError';
  }
}
