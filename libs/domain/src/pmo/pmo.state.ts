import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { MandatePurpose, PmoEvent, PmoKind } from './pmo.events';

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
}

export type PmoState = NoPmo | EstablishedPmo;

export const initialPmoState: PmoState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolvePmo = (state: PmoState, event: PmoEvent): PmoState => {
  if (event.type === 'PmoEstablished') {
    if (state.status !== 'NONE') return state;
    const { pmoId, kind, name, head } = event.data;
    return { status: 'ESTABLISHED', pmoId, kind, name, head, mandate: null };
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
    default:
      return assertNever(event);
  }
};
