import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { dayOf, type DomainEvent, type PersonalFieldRules } from '@throughline/domain';
import {
  decideOn,
  KeyedLock,
  payloadHash,
  PersonalDataVault,
  StateCache,
  type CommandOutcome,
  type EventSealer,
  type EventStore,
  type Folded,
} from '@throughline/event-store';
import { Projector } from '@throughline/read-models';
import { OK, outcomeCode } from '../metrics/command-outcomes';
import { ServiceMetrics } from '../metrics/service-metrics';
import { AggregateLoader } from './aggregate-loader';
import { Clock } from './clock';
import { DecideCommand, NEW_ENTITY, type Decided } from './decide.command';
import { EventsRecorded } from './events-recorded';
import { requireEntityId } from './ids';
import type { RequestContext } from './request-context';
import { entityIdOf, newEntityId, streamId } from '@throughline/runtime';
import { EVENT_STORE, PERSONAL_FIELD_RULES } from './tokens';

/** The events are stored by then; a projector this far behind is reported rather than waited for. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

type AnyDecideCommand = DecideCommand<{ readonly type: string }, DomainEvent, { readonly status: string }, { readonly status: string }>;

/**
 * The one command handler: for any aggregate, it folds the target stream (starting from what the
 * permission check already loaded), decides, appends at the revision it read, and answers the
 * view its own fold produced. It fills in the clock, the caller and the idempotency key, seals
 * the personal fields of what was decided before anything folds, caches or stores it, then waits
 * until the read models have seen the result, so the next query sees it (read your writes), and
 * tells the event bus what was recorded. Views it answers hold personal fields sealed: resolvers
 * open them (PersonalDataVault.open) where they show them.
 */
@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<AnyDecideCommand, Decided<{ readonly status: string }>> {
  private readonly sealer: EventSealer;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly cache: StateCache,
    private readonly lock: KeyedLock,
    private readonly projector: Projector,
    private readonly loader: AggregateLoader,
    private readonly events: EventBus,
    vault: PersonalDataVault,
    @Inject(PERSONAL_FIELD_RULES) rules: PersonalFieldRules,
    /** Absent with PMO_METRICS=off. */
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {
    this.sealer = vault.sealer(rules);
  }

  async execute<C extends { readonly type: string }, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(command: DecideCommand<C, E, S, V>): Promise<Decided<V>> {
    const { target } = command;
    const outcome = await this.counted(command.caller.operation, () =>
      this.decide(command, target === NEW_ENTITY ? newEntityId(this.clock.now()) : requireEntityId(target.id, target.field)),
    );
    const { folds } = command.caller;
    // A repeated command may name another stream than the fresh id would have (a create).
    folds.set(outcome.streamId, Promise.resolve<Folded<S, V>>(outcome));
    this.publish(command.caller, outcome);
    return { id: entityIdOf(outcome.streamId), revision: outcome.revision, view: outcome.view };
  }

  private async decide<C extends { readonly type: string }, E extends DomainEvent, S extends { readonly status: string }, V extends { readonly status: string }>(
    { aggregate, target, input, caller, build, options }: DecideCommand<C, E, S, V>,
    id: string,
  ): Promise<CommandOutcome<S, V>> {
    const stream = streamId(aggregate.category, id);
    const start = target === NEW_ENTITY ? null : await this.loader.load(aggregate, id, caller.folds);
    const now = this.clock.now().toISOString();
    const { principal, correlationId, operation } = caller;
    const outcome = await decideOn(
      this.store,
      aggregate,
      {
        streamId: stream,
        command: build(id),
        // One reading of the clock, so the day always matches the instant.
        context: { now, today: dayOf(now), actor: principal.subject },
        metadata: { actor: principal.subject, correlationId, ...(input.reason ? { reason: input.reason } : {}) },
        expectedRevision: target === NEW_ENTITY ? null : (input.expectedRevision ?? options.expectedRevision ?? null),
        // The operation name and the whole input, as every earlier version hashed them; when the
        // events name people, the record keeps this hash keyed by their keys (EventSealer.commandHash).
        idempotency: input.commandId ? { commandId: input.commandId, payloadHash: payloadHash({ operation, input }) } : null,
      },
      { cache: this.cache, lock: this.lock, start, seal: this.sealer },
    );
    const position = outcome.position ?? (await this.store.headPosition());
    if (position !== null) await this.projector.waitFor(position, { timeoutMs: READ_YOUR_WRITES_TIMEOUT_MS });
    return outcome;
  }

  /** Counts the command by the code its caller is answered with, OK when it was carried out. */
  private async counted<T>(command: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.metrics?.commands.inc({ command, code: OK });
      return result;
    } catch (error) {
      this.metrics?.commands.inc({ command, code: outcomeCode(error) });
      throw error;
    }
  }

  private publish<S, V>(caller: RequestContext, outcome: CommandOutcome<S, V>): void {
    if (outcome.appended === 0 || outcome.position === null) return;
    this.events.publish(
      new EventsRecorded(
        outcome.streamId,
        outcome.revision - outcome.appended + 1,
        outcome.revision,
        outcome.position,
        caller.operation,
        caller.principal.subject,
        caller.correlationId,
      ),
    );
  }
}
