import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { dayOf, type Decider, type DomainEvent } from '@throughline/domain';
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
import { requireEntityId } from './ids';
import type { RequestContext } from './request-context';
import { entityIdOf, streamId, type Category } from '@throughline/runtime';
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

/**
 * Inside a generic call TypeScript would widen the command callback's `type: '...'` to string
 * before matching C to the decider, and the command would no longer fit it; a `type` typed as
 * the string-constrained parameter T keeps the literal.
 */
type Command<T extends string> = { readonly type: T };

/** An existing entity as a mutation names it: the raw id and the input field it came in, for errors. */
export interface EntityTarget {
  readonly category: Category;
  readonly id: string;
  readonly field: string;
}

/**
 * A mutation for one entity. The idempotency key, the revision guard and the reason are read
 * from the input itself, so they cannot drift from the payload the idempotency key stands for.
 */
export interface EntityRequest<C> {
  /** Builds the command once the entity id is known (validated, or freshly made). */
  readonly command: (id: string) => C;
  readonly caller: RequestContext;
  readonly operation: string;
  readonly input: { readonly commandId?: string | null; readonly expectedRevision?: number | null; readonly reason?: string | null };
}

/** A fresh stream has no revision to guard, and no mutation that creates an entity takes a reason. */
export type CreateRequest<C> = Omit<EntityRequest<C>, 'input'> & { readonly input: { readonly commandId?: string | null } };

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
        // One reading of the clock, so the day always matches the instant.
        context: { now, today: dayOf(now), actor: principal.subject },
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

  /** Runs a command on the stream of an existing entity and answers the entity's id. */
  async onEntity<C extends Command<T>, E extends DomainEvent, S, T extends string = string>(
    decider: Decider<C, E, S>,
    target: EntityTarget,
    request: EntityRequest<NoInfer<C>>,
  ): Promise<string> {
    const id = requireEntityId(target.id, target.field);
    const { input } = request;
    const outcome = await this.run(decider, {
      streamId: streamId(target.category, id),
      command: request.command(id),
      caller: request.caller,
      reason: input.reason,
      expectedRevision: input.expectedRevision,
      commandId: input.commandId,
      operation: request.operation,
      input,
    });
    return entityIdOf(outcome.streamId);
  }

  /**
   * Runs a command that starts a new entity under a fresh id and answers the entity's id. A
   * repeated commandId resolves to the first attempt's stream, so the answer is that entity's
   * id, not the fresh one.
   */
  async create<C extends Command<T>, E extends DomainEvent, S, T extends string = string>(
    decider: Decider<C, E, S>,
    category: Category,
    request: CreateRequest<NoInfer<C>>,
  ): Promise<string> {
    const id = randomUUID();
    const outcome = await this.run(decider, {
      streamId: streamId(category, id),
      command: request.command(id),
      caller: request.caller,
      commandId: request.input.commandId,
      operation: request.operation,
      input: request.input,
    });
    return entityIdOf(outcome.streamId);
  }
}
