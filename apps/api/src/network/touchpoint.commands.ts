import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { dayOf, DomainError, touchpointDecider, type RecordTouchpoint, type TouchpointVehicle, type TouchpointView } from '@throughline/domain';
import type { EventStore } from '@throughline/event-store';
import { newEntityId } from '@throughline/runtime';
import { Snapshots } from '../activities/activity.snapshots';
import { AggregateLoader } from '../common/aggregate-loader';
import { TOUCHPOINT, WORK } from '../common/aggregates';
import { InputError, NotFoundError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import { EVENT_STORE } from '../common/tokens';
import { WorkCommands } from '../work/work.commands';
import { derivedCommandId, touchpointIdFor, touchpointWorkEntryId } from './derived-ids';
import { NetworkSnapshots } from './network.snapshots';
import type { RecordTouchpointInput, TouchpointWorkInput } from './touchpoint.inputs';

/** Where the work path's fields are in a touchpoint's input. */
const WORK_FIELDS: Readonly<Record<string, string>> = { hours: 'work.hours', activityId: 'work.activityId', workedOn: 'heldOn' };

/** A refusal of the touchpoint's work, named by the touchpoint input's own fields. */
const asTouchpointField = (error: unknown): unknown => {
  const field = (error as { field?: string }).field;
  const mapped = field === undefined ? undefined : WORK_FIELDS[field];
  if (mapped === undefined) return error;
  if (error instanceof DomainError) return new DomainError(error.code, error.message, mapped);
  if (error instanceof InputError) return new InputError(mapped, error.message);
  if (error instanceof NotFoundError) return new NotFoundError(error.entity, error.id, mapped);
  return error;
};

/** What the work entry says it was: never the summary, which is the participants' personal data. */
const workDescription = (vehicle: TouchpointVehicle): string => `Network touchpoint (${vehicle.toLowerCase().replaceAll('_', ' ')})`;

/**
 * Records a touchpoint, and with `work` logs the time it took as the recording person's work
 * entry through the work command path (the 24-hour rule included), before the touchpoint: work
 * refused means no touchpoint. A touchpoint sent with an idempotency key takes an id derived from
 * it, and its work entry an id derived from the touchpoint's, so however often it is retried, and
 * wherever an attempt stopped, the work is logged once and the touchpoint recorded once.
 */
@Injectable()
export class TouchpointCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly snapshots: NetworkSnapshots,
    private readonly activities: Snapshots,
    private readonly work: WorkCommands,
    private readonly loader: AggregateLoader,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async record(input: RecordTouchpointInput, caller: RequestContext): Promise<Decided<TouchpointView>> {
    const touchpointId = input.commandId ? touchpointIdFor(input.commandId) : newEntityId(this.clock.now());
    const target = { id: touchpointId, field: 'touchpointId' };
    // A repeat answers what the first attempt answered (or IDEMPOTENCY_KEY_REUSED) and logs nothing again.
    if (input.commandId && (await this.store.findCommand(input.commandId))) {
      return this.commands.execute(new DecideCommand(TOUCHPOINT, target, input, caller, (id) => answeredFromRecord(id, input)));
    }
    const { folds } = caller;
    const pmoId = await this.snapshots.pmo(input.pmoId, 'pmoId', folds);
    const contacts = await this.snapshots.contacts(input.contactIds, 'contactIds', folds);
    const groups = await this.snapshots.groups(input.groupIds, 'groupIds', folds);
    const workEntryId = input.work ? touchpointWorkEntryId(touchpointId) : null;
    const build = (id: string): RecordTouchpoint => ({
      type: 'RecordTouchpoint',
      touchpointId: id,
      pmoId,
      heldOn: input.heldOn,
      vehicle: input.vehicle,
      contacts,
      groups,
      summary: input.summary,
      value: input.value ?? null,
      workEntryId,
    });
    if (input.work && workEntryId) {
      // Judged here as the handler will judge it, so a touchpoint refused for its input logs no work.
      const now = this.clock.now().toISOString();
      touchpointDecider.decide(build(touchpointId), touchpointDecider.initialState, { now, today: dayOf(now), actor: caller.principal.subject });
      await this.logWork(input, input.work, pmoId, touchpointId, workEntryId, caller);
    }
    return this.commands.execute(new DecideCommand(TOUCHPOINT, target, input, caller, build, { expectedRevision: -1 }));
  }

  private async logWork(input: RecordTouchpointInput, work: TouchpointWorkInput, pmoId: string, touchpointId: string, workEntryId: string, caller: RequestContext): Promise<void> {
    // An attempt that stopped after logging the work left it there: it is this touchpoint's.
    if ((await this.loader.load(WORK, workEntryId, caller.folds)).state.status !== 'NONE') return;
    const person = caller.principal.subject;
    const step = { commandId: derivedCommandId(input.commandId, 'work'), touchpointId, work };
    try {
      const activity = work.activityId ? await this.activities.activity(work.activityId, caller.folds) : null;
      await this.work.run(
        NEW_ENTITY,
        step,
        caller,
        (id) => ({ type: 'LogWork', workEntryId: id, pmoId, person, workedOn: input.heldOn, hours: work.hours, description: workDescription(input.vehicle), activity }),
        workEntryId,
      );
    } catch (error) {
      throw asTouchpointField(error);
    }
  }
}

/**
 * The command a repeat travels with: the store answers it from the first attempt's record (or
 * refuses a reused key) before any decision, so nothing of it is judged.
 */
const answeredFromRecord = (touchpointId: string, input: RecordTouchpointInput): RecordTouchpoint => ({
  type: 'RecordTouchpoint',
  touchpointId,
  pmoId: input.pmoId,
  heldOn: input.heldOn,
  vehicle: input.vehicle,
  contacts: [],
  groups: [],
  summary: input.summary,
  value: input.value ?? null,
  workEntryId: null,
});
