import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { MandatePurpose, PmoEvent, PmoKind } from './pmo.events';

export interface Mandate {
  readonly version: number;
  readonly purpose: MandatePurpose;
  readonly statement: string;
  readonly sponsor: string;
  readonly effectiveFrom: LocalDate;
  readonly reason: string | null;
}

export interface NoPmo {
  readonly status: 'NONE';
}

export interface EstablishedPmo {
  readonly status: 'ESTABLISHED';
  readonly pmoId: string;
  readonly name: string;
  readonly kind: PmoKind;
  readonly parentId: string | null;
  readonly head: string | null;
  /** The mandate in force, null until the first one is issued. */
  readonly mandate: Mandate | null;
  /** Replaced mandates, oldest first: auditors ask what the mandate said before. */
  readonly previousMandates: readonly Mandate[];
}

export type PmoState = NoPmo | EstablishedPmo;

export const initialPmoState: PmoState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolvePmo = (state: PmoState, event: PmoEvent): PmoState => {
  if (event.type === 'PmoEstablished') {
    if (state.status !== 'NONE') return state;
    const { pmoId, name, kind, parentId, head } = event.data;
    return { status: 'ESTABLISHED', pmoId, name, kind, parentId, head, mandate: null, previousMandates: [] };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PmoRenamed':
      return { ...state, name: event.data.name };
    case 'PmoHeadAssigned':
      return { ...state, head: event.data.head };
    case 'MandateIssued': {
      const { version, purpose, statement, sponsor, effectiveFrom, reason } = event.data;
      return {
        ...state,
        mandate: { version, purpose, statement, sponsor, effectiveFrom, reason },
        previousMandates: state.mandate ? [...state.previousMandates, state.mandate] : state.previousMandates,
      };
    }
    default:
      return assertNever(event);
  }
};
