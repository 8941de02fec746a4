import { Inject, Injectable } from '@nestjs/common';
import type { Decider, DomainEvent } from '@throughline/domain';
import {
  handleCommand,
  KeyedLock,
  payloadHash,
  StateCache,
  type CommandOutcome,
  type EventStore,
} from '@throughline/event-store';
import { Projector } from '@throughline/read-models';
import { Clock } from './clock';
import type { RequestContext } from './request-context';
import { EVENT_STORE } from './tokens';

export interface RunRequest<C> {
  readonly streamId: string;
  readonly command: C;
  readonly caller: RequestContext;
  /** Why, in the author's words; stored in every event's metadata. */
  readonly reason?: string | null;
  readonly expectedRevision?: number | null;
  /** Client idempotency key, and the operation + input it stands for. */
  readonly commandId?: string | null;
  readonly operation: string;
  readonly input: unknown;
}

/** The events are stored by then; a projector this far behind is reported rather than waited for. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/**
 * Runs a domain command through the shared loop with the clock, the caller and idempotency
 * filled in, then waits until the read models have seen the result: a mutation's effect is
 * visible to the next query (read your writes).
 */
@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly cache: StateCache,
    private readonly lock: KeyedLock,
    private readonly projector: Projector,
  ) {}

  async run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, request: RunRequest<C>): Promise<CommandOutcome<S>> {
    const now = this.clock.now().toISOString();
    const { principal, correlationId } = request.caller;
    const outcome = await handleCommand(
      this.store,
      decider,
      {
        streamId: request.streamId,
        command: request.command,
        context: { now, today: now.slice(0, 10), actor: principal.subject },
        metadata: {
          actor: principal.subject,
          correlationId,
          ...(request.reason ? { reason: request.reason } : {}),
        },
        expectedRevision: request.expectedRevision ?? null,
        idempotency: request.commandId
          ? { commandId: request.commandId, payloadHash: payloadHash({ operation: request.operation, input: request.input }) }
          : null,
      },
      { cache: this.cache, lock: this.lock },
    );
    const position = outcome.position ?? (await this.store.headPosition());
    if (position !== null) await this.projector.waitFor(position, { timeoutMs: READ_YOUR_WRITES_TIMEOUT_MS });
    return outcome;
  }
}
