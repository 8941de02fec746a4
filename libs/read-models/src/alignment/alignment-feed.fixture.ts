import type {
  ActivityCancelled,
  ActivityCompleted,
  ActivityLinkedToObjective,
  ActivityPlanned,
  ActivityRescheduled,
  ActivityUnlinkedFromObjective,
  ObjectiveClosed,
  ObjectiveDefined,
  ObjectiveOutcome,
  WorkCorrected,
  WorkFields,
  WorkLogged,
  WorkRetracted,
} from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';

type Event =
  | ObjectiveDefined
  | ObjectiveClosed
  | ActivityPlanned
  | ActivityLinkedToObjective
  | ActivityUnlinkedFromObjective
  | ActivityRescheduled
  | ActivityCompleted
  | ActivityCancelled
  | WorkLogged
  | WorkCorrected
  | WorkRetracted;

/**
 * Builds a feed of recorded events for the alignment projection, with the payloads the deciders
 * emit. Each event is recorded one second after the previous one unless `at` moves the clock;
 * revisions and positions follow the order of the calls.
 */
export class AlignmentFeed {
  readonly events: RecordedEvent[] = [];
  private clock: number;
  private readonly revisions = new Map<string, number>();

  constructor(start = '2026-01-01T09:00:00.000Z') {
    this.clock = Date.parse(start);
  }

  /** Records the next events from `instant` on. */
  at(instant: string): this {
    this.clock = Date.parse(instant);
    return this;
  }

  /** The instant the next event will be recorded at. */
  get now(): string {
    return new Date(this.clock).toISOString();
  }

  objective(objectiveId: string, pmoId: string): RecordedEvent {
    return this.record(`objective-${objectiveId}`, {
      type: 'ObjectiveDefined',
      data: {
        objectiveId,
        pmoId,
        title: `Objective ${objectiveId}`,
        description: null,
        metric: { name: 'share', unit: '%', baseline: 0, target: 100, direction: 'INCREASE' },
        startsOn: '2026-01-01',
        dueOn: '2026-12-31',
        owner: 'ada@pmo.example',
      },
    });
  }

  closeObjective(objectiveId: string, closedOn: string, outcome: ObjectiveOutcome = 'ACHIEVED'): RecordedEvent {
    return this.record(`objective-${objectiveId}`, {
      type: 'ObjectiveClosed',
      data: { objectiveId, outcome, reason: 'closed', closedOn, closedAt: this.now },
    });
  }

  activity(
    activityId: string,
    fields: { pmoId: string; startsOn: string; endsOn: string; planId?: string; title?: string },
  ): RecordedEvent {
    return this.record(`activity-${activityId}`, {
      type: 'ActivityPlanned',
      data: {
        activityId,
        planId: fields.planId ?? 'plan-1',
        pmoId: fields.pmoId,
        title: fields.title ?? `Activity ${activityId}`,
        description: null,
        responsible: 'ada@pmo.example',
        mode: 'DIRECT',
        startsOn: fields.startsOn,
        endsOn: fields.endsOn,
        effortEstimateHours: null,
      },
    });
  }

  link(activityId: string, objectiveId: string, effectiveFrom: string, weight = 1, rationale = 'serves it'): RecordedEvent {
    return this.record(`activity-${activityId}`, {
      type: 'ActivityLinkedToObjective',
      data: { activityId, objectiveId, rationale, weight, effectiveFrom, linkedAt: this.now },
    });
  }

  unlink(activityId: string, objectiveId: string, endedOn: string): RecordedEvent {
    return this.record(`activity-${activityId}`, {
      type: 'ActivityUnlinkedFromObjective',
      data: { activityId, objectiveId, reason: 'no longer', endedOn, unlinkedAt: this.now },
    });
  }

  reschedule(
    activityId: string,
    dates: { startsOn: string; endsOn: string; previousStartsOn: string; previousEndsOn: string },
    movedLinks: ActivityRescheduled['data']['movedLinks'] = [],
  ): RecordedEvent {
    return this.record(`activity-${activityId}`, {
      type: 'ActivityRescheduled',
      data: { activityId, ...dates, reason: 'replanned', movedLinks },
    });
  }

  complete(activityId: string, completedOn: string): RecordedEvent {
    return this.record(`activity-${activityId}`, { type: 'ActivityCompleted', data: { activityId, completedOn } });
  }

  cancel(activityId: string, cancelledOn: string): RecordedEvent {
    return this.record(`activity-${activityId}`, {
      type: 'ActivityCancelled',
      data: { activityId, reason: 'dropped', cancelledOn },
    });
  }

  log(
    workEntryId: string,
    fields: { pmoId: string; workedOn: string; hours: number; activityId: string | null; person?: string },
  ): RecordedEvent {
    return this.record(`work-${workEntryId}`, {
      type: 'WorkLogged',
      data: {
        workEntryId,
        pmoId: fields.pmoId,
        person: fields.person ?? 'ada@pmo.example',
        workedOn: fields.workedOn,
        hours: fields.hours,
        description: 'work',
        activityId: fields.activityId,
      },
    });
  }

  correct(workEntryId: string, changes: Partial<WorkFields>, previous: Partial<WorkFields> = {}): RecordedEvent {
    return this.record(`work-${workEntryId}`, {
      type: 'WorkCorrected',
      data: { workEntryId, changes, previous, reason: 'typo' },
    });
  }

  retract(workEntryId: string): RecordedEvent {
    return this.record(`work-${workEntryId}`, { type: 'WorkRetracted', data: { workEntryId, reason: 'logged twice' } });
  }

  private record(streamId: string, event: Event): RecordedEvent {
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const recorded: RecordedEvent = {
      id: `event-${this.events.length + 1}`,
      streamId,
      revision,
      position: BigInt(this.events.length + 1),
      type: event.type,
      schemaVersion: 1,
      data: event.data as unknown as Record<string, unknown>,
      metadata: { actor: 'ada@pmo.example', correlationId: 'fixture', recordedAt: this.now },
      hash: '',
      prevHash: '',
    };
    this.events.push(recorded);
    this.clock += 1000;
    return recorded;
  }
}
