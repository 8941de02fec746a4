import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { dayOf, DomainError, workdayEffectsOf, workDecider, type WorkCommand, type WorkdayStep, type WorkState, type WorkView } from '@throughline/domain';
import { ConflictError, IdempotencyKeyReusedError, type EventStore, type Folded } from '@throughline/event-store';
import { Projector } from '@throughline/read-models';
import { AggregateLoader } from '../common/aggregate-loader';
import { WORK } from '../common/aggregates';
import { Clock } from '../common/clock';
import { DecideCommand, NEW_ENTITY, type CommandInput, type Decided, type Target } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import { requireEntityId } from '../common/ids';
import { EVENT_STORE } from '../common/tokens';
import { CATEGORY, newEntityId, streamId } from '@throughline/runtime';
import { WorkdayLedger } from './workday-ledger';

/** As the command handler allows: the events are stored by then, a projector this far behind is reported. */
const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;
/** Without a client expectedRevision, a correction whose entry changed meanwhile is judged again this often. */
const MAX_ATTEMPTS = 5;

/** Refusals that come before the append: the work event was not recorded. */
const nothingAppended = (error: unknown): boolean =>
  error instanceof DomainError || error instanceof ConflictError || error instanceof IdempotencyKeyReusedError;

const releaseOf = (step: WorkdayStep): WorkdayStep => ({ kind: 'release', person: step.person, day: step.day, workEntryId: step.workEntryId });

/**
 * Work commands with the 24-hour rule guarded in the store. The rule belongs to the person's day
 * (a workday stream, see workday.decider.ts), not to any one entry, so a work command runs in
 * three steps: what raises a day's total is counted on the workday first (refused there with
 * WORK_DAY_OVER_24H), then the work event is appended, then what lowers a day's total is
 * recorded. A process stopping between two steps leaves a day counting more hours than its
 * entries hold, so it may refuse hours it could have taken, never accept more than 24.
 */
@Injectable()
export class WorkCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ledger: WorkdayLedger,
    private readonly projector: Projector,
  ) {}

  /**
   * `newEntryId` names a new entry's id when the caller derives it (a touchpoint's work, logged
   * once however often the touchpoint is retried); otherwise a new entry gets a fresh one.
   */
  async run(
    target: Target,
    input: CommandInput,
    caller: RequestContext,
    build: (workEntryId: string) => WorkCommand,
    newEntryId?: string,
  ): Promise<Decided<WorkView>> {
    // A repeat answers what the first attempt answered and counts nothing again.
    if (input.commandId && (await this.store.findCommand(input.commandId))) {
      return this.commands.execute(new DecideCommand(WORK, target, input, caller, build));
    }
    const isNew = target === NEW_ENTITY;
    // A new entry's id is made here, so its hours are counted under the id it will be logged with.
    const named = isNew ? { id: newEntryId ?? newEntityId(this.clock.now()), field: 'workEntryId' } : { id: requireEntityId(target.id, target.field), field: target.field };
    for (let attempt = 1; ; attempt++) {
      const folded = isNew ? null : await this.current(named.id, caller, input.expectedRevision ?? null, attempt > 1);
      const state: WorkState = folded?.state ?? workDecider.initialState;
      const now = this.clock.now().toISOString();
      // Judged here as the handler will judge it, so a command refused for its input counts no hours.
      const events = workDecider.decide(build(named.id), state, { now, today: dayOf(now), actor: caller.principal.subject });
      const effects = events.map((event) => workdayEffectsOf(event, state));
      const before = effects.flatMap((effect) => effect.before);
      await this.ledger.take(before, caller, input.reason);

      let decided: Decided<WorkView>;
      try {
        // At the revision the counts were judged on: a correction in between is judged again.
        decided = await this.commands.execute(new DecideCommand(WORK, named, input, caller, build, { expectedRevision: folded?.revision ?? -1 }));
      } catch (error) {
        if (!nothingAppended(error)) throw error;
        // Only this call knows a fresh entry's id, so nothing else counts on it: its count can go.
        // A derived id is known to every retry: one that lost the race to log it must not release
        // the count of the entry the winner logged.
        const loggedByAnother = newEntryId !== undefined && error instanceof ConflictError;
        if (isNew && !loggedByAnother) await this.ledger.take(before.map(releaseOf), caller);
        if (error instanceof ConflictError && !isNew && input.expectedRevision == null && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
      // The same command, sent twice at once, was logged under the other call's id.
      if (isNew && decided.id !== named.id) await this.ledger.take(before.map(releaseOf), caller);
      const position = await this.ledger.take(
        effects.flatMap((effect) => effect.after),
        caller,
        input.reason,
      );
      if (position !== null) await this.projector.waitFor(position, { timeoutMs: READ_YOUR_WRITES_TIMEOUT_MS });
      return decided;
    }
  }

  /**
   * The entry as it stands; with a client expectedRevision the fold the request loaded may be
   * behind it, so a mismatch is read again before it is a conflict.
   */
  private async current(id: string, caller: RequestContext, expected: number | null, afresh: boolean): Promise<Folded<WorkState, WorkView>> {
    let folded = afresh ? await this.reload(id, caller) : await this.loader.load(WORK, id, caller.folds);
    if (expected !== null && expected !== folded.revision && !afresh) folded = await this.reload(id, caller);
    if (expected !== null && expected !== folded.revision) throw new ConflictError(streamId(CATEGORY.work, id), folded.revision, expected);
    return folded;
  }

  private async reload(id: string, caller: RequestContext): Promise<Folded<WorkState, WorkView>> {
    const folded = this.loader.load(WORK, id);
    caller.folds.set(streamId(CATEGORY.work, id), folded);
    return folded;
  }
}
