import type { TransferToSuccessor } from '../shared/transfer';
import type { LocalDate } from '../shared/local-date';
import type { ObjectiveOutcome } from './objective.events';

export interface DefineObjective {
  readonly type: 'DefineObjective';
  readonly objectiveId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly title: string;
  readonly description: string | null;
  readonly metric: {
    readonly name: string;
    readonly unit: string;
    readonly baseline: number;
    readonly target: number;
  };
  /** null means the day the objective is defined. */
  readonly startsOn: LocalDate | null;
  readonly dueOn: LocalDate;
  readonly owner: string;
}

/** An omitted (or null) field is left as it is; at least one must change. */
export interface ReviseObjective {
  readonly type: 'ReviseObjective';
  readonly objectiveId: string;
  readonly title?: string | null;
  readonly target?: number | null;
  readonly dueOn?: LocalDate | null;
  readonly reason: string;
}

export interface RecordProgress {
  readonly type: 'RecordProgress';
  readonly objectiveId: string;
  readonly value: number;
  readonly measuredOn: LocalDate;
  readonly note: string | null;
}

export interface CloseObjective {
  readonly type: 'CloseObjective';
  readonly objectiveId: string;
  readonly outcome: ObjectiveOutcome;
  readonly reason: string;
}

/** A step of a merger: an ACTIVE objective carries on under the successor. */
export interface TransferObjective extends TransferToSuccessor {
  readonly type: 'TransferObjective';
  readonly objectiveId: string;
}

export type ObjectiveCommand = DefineObjective | ReviseObjective | RecordProgress | CloseObjective | TransferObjective;
