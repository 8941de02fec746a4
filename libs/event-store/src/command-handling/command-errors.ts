/** The client's expectedRevision no longer matches the stream: someone else changed it first. */
export class ConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly currentRevision: number,
    readonly expectedRevision: number | null,
  ) {
    super(
      expectedRevision === null
        ? `${streamId} kept changing while the command was retried; try again`
        : `${streamId} is at revision ${currentRevision}, not ${expectedRevision}: reload and retry`,
    );
    this.name = 'ConflictError';
  }
}

/** A commandId seen before arrived with a different payload. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly commandId: string) {
    super(`commandId ${commandId} was already used for a different command`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
