import type { TransferToSuccessor } from '../shared/transfer';
import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

export const METRIC_DIRECTIONS = ['INCREASE', 'DECREASE'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const OBJECTIVE_OUTCOMES = ['ACHIEVED', 'MISSED', 'ABANDONED'] as const;
export type ObjectiveOutcome = (typeof OBJECTIVE_OUTCOMES)[number];

/** An objective is ACTIVE until it is closed, and then its status is the outcome it was closed with. */
export const OBJECTIVE_STATUSES = ['ACTIVE', ...OBJECTIVE_OUTCOMES] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export interface Metric {
  readonly name: string;
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  /** INCREASE when the target lies above the baseline. */
  readonly direction: MetricDirection;
}

export type ObjectiveDefined = DomainEvent<
  'ObjectiveDefined',
  {
    readonly objectiveId: string;
    readonly pmoId: string;
    readonly title: string;
    readonly description: string | null;
    readonly metric: Metric;
    readonly startsOn: LocalDate;
    readonly dueOn: LocalDate;
    readonly owner: string;
  }
>;

// Each revision event carries who revised and when, so the fold can show a revision history
// without reaching for event metadata.
interface Revision {
  readonly objectiveId: string;
  readonly reason: string;
  readonly revisedAt: string;
  readonly revisedBy: string;
}

export type ObjectiveRetitled = DomainEvent<
  'ObjectiveRetitled',
  Revision & { readonly title: string; readonly previousTitle: string }
>;

export type ObjectiveTargetRevised = DomainEvent<
  'ObjectiveTargetRevised',
  Revision & { readonly target: number; readonly previousTarget: number; readonly direction: MetricDirection }
>;

export type ObjectiveDueDateMoved = DomainEvent<
  'ObjectiveDueDateMoved',
  Revision & { readonly dueOn: LocalDate; readonly previousDueOn: LocalDate }
>;

export type ProgressRecorded = DomainEvent<
  'ProgressRecorded',
  {
    readonly objectiveId: string;
    readonly value: number;
    /** The day the value was true of, not the day it was recorded. */
    readonly measuredOn: LocalDate;
    readonly note: string | null;
    readonly recordedAt: string;
    readonly recordedBy: string;
  }
>;

export type ObjectiveClosed = DomainEvent<
  'ObjectiveClosed',
  {
    readonly objectiveId: string;
    readonly outcome: ObjectiveOutcome;
    readonly reason: string;
    readonly closedOn: LocalDate;
    readonly closedAt: string;
  }
>;

/** The objective carries on under the PMO its own PMO merged into, from `effectiveOn`. */
export type ObjectiveTransferred = DomainEvent<'ObjectiveTransferred', TransferToSuccessor & { readonly objectiveId: string }>;

export type ObjectiveEvent =
  | ObjectiveTransferred
  | ObjectiveDefined
  | ObjectiveRetitled
  | ObjectiveTargetRevised
  | ObjectiveDueDateMoved
  | ProgressRecorded
  | ObjectiveClosed;

/** The persisted name of every objective event; event-types.spec.ts checks it against ObjectiveEvent. */
export const OBJECTIVE_EVENT_TYPES = [
  'ObjectiveDefined',
  'ObjectiveRetitled',
  'ObjectiveTargetRevised',
  'ObjectiveDueDateMoved',
  'ProgressRecorded',
  'ObjectiveClosed',
  'ObjectiveTransferred',
] as const satisfies readonly ObjectiveEvent['type'][];
