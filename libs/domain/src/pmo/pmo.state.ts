import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { CatalogueKind, MandatePurpose, PmoEvent, PmoKind } from './pmo.events';

/** Where one catalogue item stands: current since a day, or retired on one. */
export type CatalogueStanding = { readonly current: true; readonly since: LocalDate } | { readonly current: false; readonly retiredOn: LocalDate };

/** The key of a catalogue item in the state: a service and a tool may share a name. */
export const catalogueKey = (catalogue: CatalogueKind, name: string): string => `${catalogue}:${name}`;

/** The mandate in force as `issueMandate` compares a re-issue with it. */
export interface MandateInForce {
  readonly version: number;
  readonly purpose: MandatePurpose;
  readonly statement: string;
  readonly sponsor: string;
  readonly effectiveFrom: LocalDate;
}

export interface NoPmo {
  readonly status: 'NONE';
}

/**
 * The decider's state: only what `decide` reads (the name and head a change compares with, the
 * mandate in force, and the kind a child PMO is ranked against when it is established under this
 * one), plus `pmoId` for permission checks. The parent and the mandates replaced are shown by the
 * view (pmo.view.ts).
 */
export interface EstablishedPmo {
  readonly status: 'ESTABLISHED';
  readonly pmoId: string;
  readonly kind: PmoKind;
  readonly name: string;
  readonly head: string | null;
  /** null until the first mandate is issued. */
  readonly mandate: MandateInForce | null;
  /** Read by a merger's steps, so that moving a child already moved is no change. */
  readonly parentId: string | null;
  /** null while ACTIVE. */
  readonly merged: { readonly successorId: string; readonly effectiveOn: LocalDate; readonly reason: string } | null;
  /**
   * Every item the catalogue ever held, by catalogueKey, with where it stands: one entry per
   * name, however often it was declared and retired, so the state stays small.
   */
  readonly catalogue: Readonly<Record<string, CatalogueStanding>>;
}

export type PmoState = NoPmo | EstablishedPmo;

export const initialPmoState: PmoState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolvePmo = (state: PmoState, event: PmoEvent): PmoState => {
  if (event.type === 'PmoEstablished') {
    if (state.status !== 'NONE') return state;
    const { pmoId, kind, name, head, parentId } = event.data;
    return { status: 'ESTABLISHED', pmoId, kind, name, head, mandate: null, parentId, merged: null, catalogue: {} };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PmoRenamed':
      return { ...state, name: event.data.name };
    case 'PmoHeadAssigned':
      return { ...state, head: event.data.head };
    case 'MandateIssued': {
      const { version, purpose, statement, sponsor, effectiveFrom } = event.data;
      return { ...state, mandate: { version, purpose, statement, sponsor, effectiveFrom } };
    }
    case 'PmoCatalogueItemDeclared': {
      const { catalogue, name, on } = event.data;
      return { ...state, catalogue: { ...state.catalogue, [catalogueKey(catalogue, name)]: { current: true, since: on } } };
    }
    case 'PmoCatalogueItemRetired': {
      const { catalogue, name, on } = event.data;
      return { ...state, catalogue: { ...state.catalogue, [catalogueKey(catalogue, name)]: { current: false, retiredOn: on } } };
    }
    case 'PmoMerged': {
      const { successorId, effectiveOn, reason } = event.data;
      return { ...state, merged: { successorId, effectiveOn, reason } };
    }
    case 'PmoMovedToSuccessor':
      return { ...state, parentId: event.data.parentId };
    default:
      return assertNever(event);
  }
};
