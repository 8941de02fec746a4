import type { LocalDate } from '../shared/local-date';
import type { PmoInTree, StandardSnapshot } from '../standard/standard.snapshots';
import type { DeviationSignificance } from './deviation.events';

/** An earlier deviation of the same (standard, PMO) pair, as an overlap is judged against it. */
export interface DeviationSnapshot {
  readonly deviationId: string;
  readonly status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  readonly from: LocalDate;
  readonly until: LocalDate;
}

/**
 * Asks for a deviation in slot `slot` of its pair. The application hands every deviation in the
 * slots before it (`earlier`), and creates the slot's stream only if it does not exist: a
 * second request judged on the same earlier slots loses the append and is judged again.
 */
export interface RequestDeviation {
  readonly type: 'RequestDeviation';
  readonly deviationId: string;
  readonly slot: number;
  readonly standard: StandardSnapshot;
  readonly pmo: PmoInTree;
  readonly earlier: readonly DeviationSnapshot[];
  readonly description: string;
  readonly reason: string;
  readonly significance: DeviationSignificance;
  readonly compensatingMeasures: string | null;
  readonly from: LocalDate;
  readonly until: LocalDate;
}

export interface DecideDeviation {
  readonly type: 'ApproveDeviation' | 'RejectDeviation' | 'WithdrawDeviation';
  readonly deviationId: string;
  readonly reason: string;
}

export type DeviationCommand = RequestDeviation | DecideDeviation;
