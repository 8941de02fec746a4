import type { ActivityEvent } from '@throughline/domain';

export const ACTIVITY_CHANGE_KINDS = ['RESCHEDULED', 'REASSIGNED', 'LINK_ADDED', 'LINK_REMOVED'] as const;
export type ActivityChangeKind = (typeof ACTIVITY_CHANGE_KINDS)[number];

/** What part of the planned activity a change touches. */
export const ACTIVITY_CHANGE_FIELDS = ['schedule', 'responsible', 'objectiveLink'] as const;
export type ActivityChangeField = (typeof ACTIVITY_CHANGE_FIELDS)[number];

/** An activity event as recorded: what happened, and who recorded it, when and why. */
export interface RecordedActivityEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly revision: number;
  readonly actor: string;
  readonly recordedAt: string;
  /** The reason given with the command, if any. */
  readonly reason: string | null;
}

/** One change to the planned shape of an activity. */
export interface ActivityFieldChange {
  readonly kind: ActivityChangeKind;
  readonly field: ActivityChangeField;
  readonly before: string | null;
  readonly after: string | null;
  /** The objective a link change concerns. */
  readonly objectiveId: string | null;
  readonly changedBy: string;
  readonly changedAt: string;
  readonly reason: string | null;
  readonly revision: number;
}

/** A schedule written as an ISO 8601 interval of days. */
const schedule = (startsOn: string, endsOn: string) => `${startsOn}/${endsOn}`;

/**
 * The changes to what a plan promised, in the order recorded: reschedules, reassignments and
 * links made or ended. Completion is progress, not a change of plan, and cancellation removes the
 * activity altogether, so neither is listed. The event's own reason (or a link's rationale) is
 * preferred to the command's, being the one written for this change.
 */
export function activityChanges(events: readonly RecordedActivityEvent[]): ActivityFieldChange[] {
  return events.flatMap((recorded): ActivityFieldChange[] => {
    const event = recorded as unknown as ActivityEvent;
    const who = { changedBy: recorded.actor, changedAt: recorded.recordedAt, revision: recorded.revision };
    switch (event.type) {
      case 'ActivityRescheduled': {
        const { previousStartsOn, previousEndsOn, startsOn, endsOn, reason } = event.data;
        return [{ kind: 'RESCHEDULED', field: 'schedule', before: schedule(previousStartsOn, previousEndsOn), after: schedule(startsOn, endsOn), objectiveId: null, reason: reason || recorded.reason, ...who }];
      }
      case 'ActivityReassigned': {
        const { previousResponsible, responsible, reason } = event.data;
        return [{ kind: 'REASSIGNED', field: 'responsible', before: previousResponsible, after: responsible, objectiveId: null, reason: reason ?? recorded.reason, ...who }];
      }
      case 'ActivityLinkedToObjective': {
        const { objectiveId, effectiveFrom, weight, rationale } = event.data;
        return [{ kind: 'LINK_ADDED', field: 'objectiveLink', before: null, after: `from ${effectiveFrom}, weight ${weight}`, objectiveId, reason: rationale || recorded.reason, ...who }];
      }
      case 'ActivityUnlinkedFromObjective': {
        const { objectiveId, endedOn, reason } = event.data;
        return [{ kind: 'LINK_REMOVED', field: 'objectiveLink', before: 'linked', after: `ended ${endedOn}`, objectiveId, reason: reason || recorded.reason, ...who }];
      }
      default:
        return [];
    }
  });
}
