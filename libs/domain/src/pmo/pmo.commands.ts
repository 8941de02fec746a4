import type { LocalDate } from '../shared/local-date';
import type { MandatePurpose, PmoKind } from './pmo.events';

export interface EstablishPmo {
  readonly type: 'EstablishPmo';
  readonly pmoId: string;
  readonly name: string;
  readonly kind: PmoKind;
  /** Looked up by the application, which answers NOT_FOUND itself for an unknown parent. */
  readonly parent: { readonly pmoId: string; readonly kind: PmoKind } | null;
  readonly head: string | null;
}

export interface RenamePmo {
  readonly type: 'RenamePmo';
  readonly pmoId: string;
  readonly name: string;
}

export interface AssignPmoHead {
  readonly type: 'AssignPmoHead';
  readonly pmoId: string;
  readonly head: string | null;
}

export interface IssueMandate {
  readonly type: 'IssueMandate';
  readonly pmoId: string;
  readonly purpose: MandatePurpose;
  readonly statement: string;
  readonly sponsor: string;
  readonly effectiveFrom: LocalDate;
  /** Required when a mandate is already in force. */
  readonly reason: string | null;
}

export type PmoCommand = EstablishPmo | RenamePmo | AssignPmoHead | IssueMandate;
