import type { AdoptionEvent } from './adoption.events';

export interface NoAdoption {
  readonly status: 'NONE';
}

/**
 * The decider's state for one (standard, PMO) pair: every adoption and leeway is judged against
 * the standard's snapshot, so decide reads nothing of the stream but that it exists; `pmoId`
 * and `standardId` are for permission checks.
 */
export interface OpenAdoption {
  readonly status: 'OPEN';
  readonly adoptionId: string;
  readonly standardId: string;
  readonly pmoId: string;
}

export type AdoptionState = NoAdoption | OpenAdoption;

export const initialAdoptionState: AdoptionState = { status: 'NONE' };

export const evolveAdoption = (state: AdoptionState, event: AdoptionEvent): AdoptionState => {
  if (state.status !== 'NONE') return state;
  const { adoptionId, standardId, pmoId } = event.data;
  return { status: 'OPEN', adoptionId, standardId, pmoId };
};
