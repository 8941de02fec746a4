import type { TransferToSuccessor } from '../shared/transfer';
import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export const ACTIVITY_MODES = ['DIRECT', 'SUPERVISED'] as const;
/** DIRECT: the PMO does the work itself; SUPERVISED: it oversees work that others do. */
export type ActivityMode = (typeof ACTIVITY_MODES)[number];

export type ActivityPlanned = DomainEvent<
  'ActivityPlanned',
  {
    readonly activityId: string;
    readonly planId: string;
    readonly pmoId: string;
    readonly title: string;
    readonly description: string | null;
    readonly responsible: string;
    readonly mode: ActivityMode;
    readonly startsOn: LocalDate;
    readonly endsOn: LocalDate;
    readonly effortEstimateHours: number | null;
  }
>;

/**
 * The activity contributes to the objective from `effectiveFrom` on: work done on earlier days is
 * not credited to it. `weight` is the resolved weight (1 when none was given).
 */
export type ActivityLinkedToObjective = DomainEvent<
  'ActivityLinkedToObjective',
  {
    readonly activityId: string;
    readonly objectiveId: string;
    readonly rationale: string;
    readonly weight: number;
    readonly effectiveFrom: LocalDate;
    readonly linkedAt: string;
  }
>;

/** Ends the open link: work done on `endedOn` or later is no longer credited to the objective. */
export type ActivityUnlinkedFromObjective = DomainEvent<
  'ActivityUnlinkedFromObjective',
  {
    readonly activityId: string;
    readonly objectiveId: string;
    readonly reason: string;
    readonly endedOn: LocalDate;
    readonly unlinkedAt: string;
  }
>;

/**
 * An open link that took effect at the activity's start follows the start when it moves earlier,
 * and `movedLinks` records each such move; a later start never withdraws credit already given.
 */
export type ActivityRescheduled = DomainEvent<
  'ActivityRescheduled',
  {
    readonly activityId: string;
    readonly startsOn: LocalDate;
    readonly endsOn: LocalDate;
    readonly previousStartsOn: LocalDate;
    readonly previousEndsOn: LocalDate;
    readonly reason: string;
    readonly movedLinks: readonly {
      readonly objectiveId: string;
      readonly effectiveFrom: LocalDate;
      readonly previousEffectiveFrom: LocalDate;
    }[];
  }
>;

export type ActivityReassigned = DomainEvent<
  'ActivityReassigned',
  {
    readonly activityId: string;
    readonly responsible: string;
    readonly previousResponsible: string;
    readonly reason: string | null;
  }
>;

export type ActivityCompleted = DomainEvent<
  'ActivityCompleted',
  { readonly activityId: string; readonly completedOn: LocalDate }
>;

export type ActivityCancelled = DomainEvent<
  'ActivityCancelled',
  { readonly activityId: string; readonly reason: string; readonly cancelledOn: LocalDate }
>;

/** The activity carries on under the PMO its own PMO merged into, from `effectiveOn`. */
export type ActivityTransferred = DomainEvent<'ActivityTransferred', TransferToSuccessor & { readonly activityId: string }>;

export type ActivityEvent =
  | ActivityTransferred
  | ActivityPlanned
  | ActivityLinkedToObjective
  | ActivityUnlinkedFromObjective
  | ActivityRescheduled
  | ActivityReassigned
  | ActivityCompleted
  | ActivityCancelled;

/** The persisted name of every activity event; event-types.spec.ts checks it against ActivityEvent. */
export const ACTIVITY_EVENT_TYPES = [
  'ActivityPlanned',
  'ActivityLinkedToObjective',
  'ActivityUnlinkedFromObjective',
  'ActivityRescheduled',
  'ActivityReassigned',
  'ActivityCompleted',
  'ActivityCancelled',
  'ActivityTransferred',
] as const satisfies readonly ActivityEvent['type'][];
