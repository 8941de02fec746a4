import type { RecordedEvent } from '@throughline/event-store';

/** A projection threw on an event. The batch was rolled back; the projector stopped. */
export class ProjectionFailedError extends Error {
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: number;
  readonly eventType: string;

  constructor(
    readonly projection: string,
    event: RecordedEvent,
    cause: unknown,
  ) {
    super(
      `projection ${projection} failed on ${event.type} (${event.streamId}@${event.revision}, position ${event.position}): ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = 'ProjectionFailedError';
    this.position = event.position;
    this.streamId = event.streamId;
    this.revision = event.revision;
    this.eventType = event.type;
  }
}

/** The projector was stopped before the awaited position was reached. */
export class ProjectorStoppedError extends Error {
  constructor() {
    super('the projector was stopped');
    this.name = 'ProjectorStoppedError';
  }
}

/** The read models did not reach the awaited position in time. */
export class ProjectorTimeoutError extends Error {
  constructor(
    readonly awaited: bigint,
    readonly reached: bigint | null,
    timeoutMs: number,
  ) {
    super(`read models did not reach position ${awaited} within ${timeoutMs} ms (at ${reached ?? 'nothing'})`);
    this.name = 'ProjectorTimeoutError';
  }
}
