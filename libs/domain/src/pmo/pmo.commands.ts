import type { LocalDate } from '../shared/local-date';
import type { CatalogueKind, MandatePurpose, PmoKind } from './pmo.events';

/**
 * Another PMO as the application read it from its view. `establishedOn` and `merged` are optional
 * so that a caller who only ranks kinds need not know them; absent, no rule reads them.
 */
export interface PmoSnapshot {
  readonly pmoId: string;
  readonly kind: PmoKind;
  /** Its establishment day (the recorded day for a PMO recorded before the day was kept). */
  readonly establishedOn?: LocalDate;
  readonly merged?: boolean;
}

export interface EstablishPmo {
  readonly type: 'EstablishPmo';
  readonly pmoId: string;
  readonly name: string;
  readonly kind: PmoKind;
  /** Looked up by the application, which answers NOT_FOUND itself for an unknown parent. */
  readonly parent: PmoSnapshot | null;
  readonly head: string | null;
  /** The day the PMO came into being, for PMOs older than their record here; null: the day recorded. */
  readonly establishedOn?: LocalDate | null;
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

/**
 * Declares or retires an item of the PMO's catalogue. `establishedOn` is the PMO's establishment
 * day as its view shows it: the decider's fold sees no recorded instants, so for a PMO recorded
 * before the day was kept only the view knows it.
 */
export interface ChangePmoCatalogue {
  readonly type: 'DeclarePmoCatalogueItem' | 'RetirePmoCatalogueItem';
  readonly pmoId: string;
  readonly catalogue: CatalogueKind;
  readonly name: string;
  /** Declarations only; ignored on retirement. */
  readonly description: string | null;
  /** null: today. */
  readonly on: LocalDate | null;
  readonly reason: string | null;
  readonly establishedOn: LocalDate;
}

/** Ends this PMO into `into`, which the application read (with its ancestors, for the descendant rule). */
export interface MergePmo {
  readonly type: 'MergePmo';
  readonly pmoId: string;
  readonly establishedOn: LocalDate;
  readonly into: PmoSnapshot & { readonly establishedOn: LocalDate; readonly merged: boolean; readonly ancestorIds: readonly string[] };
  readonly effectiveOn: LocalDate;
  readonly reason: string;
}

/** A child of a merged PMO moves under its successor: one step of a merger, on the child's stream. */
export interface MovePmoToSuccessor {
  readonly type: 'MovePmoToSuccessor';
  readonly pmoId: string;
  readonly mergedPmoId: string;
  readonly successorId: string;
  readonly effectiveOn: LocalDate;
  readonly reason: string;
}

export type PmoCommand = EstablishPmo | RenamePmo | AssignPmoHead | IssueMandate | ChangePmoCatalogue | MergePmo | MovePmoToSuccessor;
