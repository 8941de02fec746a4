import type { GlobalPosition } from '@throughline/event-store';

/**
 * Published on the event bus after a command's events are committed. Listeners (live updates,
 * metrics) learn what changed; nothing depends on it for durability, which the store gives.
 */
export class EventsRecorded {
  constructor(
    readonly streamId: string,
    /** Revisions appended, inclusive. */
    readonly fromRevision: number,
    readonly toRevision: number,
    readonly position: GlobalPosition,
    /** The GraphQL operation that caused them. */
    readonly operation: string,
    readonly actor: string,
    readonly correlationId: string,
  ) {}
}
