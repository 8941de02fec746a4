import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  dayOf,
  DomainError,
  supportEngagementDecider,
  type AssistanceMode,
  type QualificationSnapshot,
  type QualificationsView,
  type RecordSupportSession,
  type SupportEngagementView,
} from '@throughline/domain';
import { PersonalDataVault, type EventStore } from '@throughline/event-store';
import { Snapshots } from '../activities/activity.snapshots';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { PMO, QUALIFICATION, SUPPORT_ENGAGEMENT, WORK } from '../common/aggregates';
import { InputError, NotFoundError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import { EVENT_STORE } from '../common/tokens';
import { derivedCommandId } from '../network/derived-ids';
import { requiredReason } from '../network/reason';
import { WorkCommands } from '../work/work.commands';
import { personKey, qualificationsIdOf, sessionWorkEntryId, supportedPersonSubject, supportedPmoSubject } from './support-ids';
import type {
  CloseSupportEngagementInput,
  OpenSupportEngagementInput,
  RecordQualificationInput,
  RecordSupportSessionInput,
  RenegotiateEngagementInput,
} from './support.inputs';

/** Where the work path's fields are in a session's input. */
const WORK_FIELDS: Readonly<Record<string, string>> = { hours: 'hours', activityId: 'activityId', workedOn: 'heldOn', activity: 'activityId' };

const asSessionField = (error: unknown): unknown => {
  const field = (error as { field?: string }).field;
  const mapped = field === undefined ? undefined : WORK_FIELDS[field];
  if (mapped === undefined || mapped === field) return error;
  if (error instanceof DomainError) return new DomainError(error.code, error.message, mapped);
  if (error instanceof InputError) return new InputError(mapped, error.message);
  if (error instanceof NotFoundError) return new NotFoundError(error.entity, error.id, mapped);
  return error;
};

/** What the work entry says it was: never the notes, which are the supported person's. */
const workDescription = (mode: AssistanceMode): string => `Support session (${mode.toLowerCase()})`;

/**
 * Support's commands. Qualifications are read here and handed to the decider as snapshots, as is
 * whether the supported person was erased. A session naming an activity logs its hours as the
 * supporter's work entry first, through the work path (the 24-hour rule included), under an id
 * derived from the session, so a retry logs once and refused work records no session.
 */
@Injectable()
export class SupportCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly activities: Snapshots,
    private readonly work: WorkCommands,
    private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async recordQualification(input: RecordQualificationInput, caller: RequestContext): Promise<Decided<QualificationsView>> {
    if (typeof input.person !== 'string' || personKey(input.person) === '') throw new InputError('person', 'person must name someone');
    const holderId = qualificationsIdOf(input.person);
    return this.commands.execute(
      new DecideCommand(QUALIFICATION, { id: holderId, field: 'person' }, input, caller, (id) => ({
        type: 'RecordQualification',
        holderId: id,
        person: input.person,
        kind: input.kind,
        issuer: input.issuer,
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
      })),
    );
  }

  async open(input: OpenSupportEngagementInput, caller: RequestContext): Promise<Decided<SupportEngagementView>> {
    const { folds } = caller;
    const pmoId = (await this.loader.existing(PMO, input.pmoId, 'pmoId', folds)).id;
    const supportedPmoId = input.supportedPmoId ? (await this.loader.existing(PMO, input.supportedPmoId, 'supportedPmoId', folds)).id : null;
    const person = typeof input.supportedPerson === 'string' ? input.supportedPerson : null;
    const subject = person !== null && personKey(person) !== '' ? supportedPersonSubject(person) : supportedPmoId !== null ? supportedPmoSubject(supportedPmoId) : '';
    const supportedErased = person !== null && subject.startsWith('supported:') ? await this.vault.isErased(subject) : false;
    return this.commands.execute(
      new DecideCommand(SUPPORT_ENGAGEMENT, NEW_ENTITY, input, caller, (engagementId) => ({
        type: 'OpenSupportEngagement',
        engagementId,
        pmoId,
        supporter: input.supporter,
        supportedPerson: person,
        supportedPmoId,
        subject,
        supportedErased,
        topic: input.topic,
        requestedAs: input.requestedAs,
        goals: input.goals,
        willingToChange: input.willingToChange,
        startedOn: input.startedOn,
        agreedUntil: input.agreedUntil,
      })),
    );
  }

  renegotiate(input: RenegotiateEngagementInput, caller: RequestContext): Promise<Decided<SupportEngagementView>> {
    const reason = requiredReason(input.reason);
    return this.commands.execute(
      new DecideCommand(SUPPORT_ENGAGEMENT, { id: input.engagementId, field: 'engagementId' }, { ...input, reason }, caller, (engagementId) => ({
        type: 'RenegotiateEngagement',
        engagementId,
        goals: input.goals ?? null,
        agreedUntil: input.agreedUntil ?? null,
        willingToChange: input.willingToChange ?? null,
        reason,
      })),
    );
  }

  close(input: CloseSupportEngagementInput, caller: RequestContext): Promise<Decided<SupportEngagementView>> {
    const reason = requiredReason(input.reason);
    return this.commands.execute(
      new DecideCommand(SUPPORT_ENGAGEMENT, { id: input.engagementId, field: 'engagementId' }, { ...input, reason }, caller, (engagementId) => ({
        type: 'CloseSupportEngagement',
        engagementId,
        outcome: input.outcome,
        reason,
      })),
    );
  }

  async recordSession(input: RecordSupportSessionInput, caller: RequestContext): Promise<Decided<SupportEngagementView>> {
    const target = { id: input.engagementId, field: 'engagementId' };
    // A repeat answers what the first attempt answered (or IDEMPOTENCY_KEY_REUSED) and logs nothing again.
    if (input.commandId && (await this.store.findCommand(input.commandId))) {
      return this.commands.execute(new DecideCommand(SUPPORT_ENGAGEMENT, target, input, caller, (id) => answeredFromRecord(id, input)));
    }
    const folded = await this.loader.existing(SUPPORT_ENGAGEMENT, input.engagementId, 'engagementId', caller.folds);
    const engagement = folded.state;
    const qualifications = await this.qualificationsOf(engagement.supporter, caller.folds);
    const supportedErased = engagement.supportsPerson ? await this.vault.isErased(engagement.subject) : false;
    const workEntryId = input.activityId ? sessionWorkEntryId(folded.id, input.commandId ?? randomUUID()) : null;
    const build = (id: string): RecordSupportSession => ({
      type: 'RecordSupportSession',
      engagementId: id,
      heldOn: input.heldOn,
      hours: input.hours,
      mode: input.mode,
      notes: input.notes ?? null,
      workEntryId,
      qualifications,
      supportedErased,
    });
    if (input.activityId && workEntryId) {
      // Judged here as the handler will judge it, so a session refused for its input logs no work.
      const now = this.clock.now().toISOString();
      supportEngagementDecider.decide(build(folded.id), engagement, { now, today: dayOf(now), actor: caller.principal.subject });
      await this.logWork(input, input.activityId, engagement.pmoId, engagement.supporter, workEntryId, caller);
    }
    return this.commands.execute(
      new DecideCommand(SUPPORT_ENGAGEMENT, target, input, caller, build, input.activityId ? { expectedRevision: folded.revision } : {}),
    );
  }

  private async qualificationsOf(person: string, folds: RequestFolds): Promise<QualificationSnapshot[]> {
    const { view } = await this.loader.load(QUALIFICATION, qualificationsIdOf(person), folds);
    if (view.status === 'NONE') return [];
    return view.qualifications.map(({ kind, validFrom, validUntil }) => ({ kind, validFrom, validUntil }));
  }

  private async logWork(input: RecordSupportSessionInput, activityId: string, pmoId: string, supporter: string, workEntryId: string, caller: RequestContext): Promise<void> {
    // An attempt that stopped after logging the work left it there: it is this session's.
    if ((await this.loader.load(WORK, workEntryId, caller.folds)).state.status !== 'NONE') return;
    const step = { commandId: derivedCommandId(input.commandId, 'work'), engagementId: input.engagementId, heldOn: input.heldOn, hours: input.hours, activityId };
    try {
      const activity = await this.activities.activity(activityId, caller.folds);
      await this.work.run(
        NEW_ENTITY,
        step,
        caller,
        (id) => ({ type: 'LogWork', workEntryId: id, pmoId, person: supporter, workedOn: input.heldOn, hours: input.hours, description: workDescription(input.mode), activity }),
        workEntryId,
      );
    } catch (error) {
      throw asSessionField(error);
    }
  }
}

/** The command a repeat travels with: the store answers it from the first attempt's record before any decision. */
const answeredFromRecord = (engagementId: string, input: RecordSupportSessionInput): RecordSupportSession => ({
  type: 'RecordSupportSession',
  engagementId,
  heldOn: input.heldOn,
  hours: input.hours,
  mode: input.mode,
  notes: input.notes ?? null,
  workEntryId: null,
  qualifications: [],
  supportedErased: false,
});
