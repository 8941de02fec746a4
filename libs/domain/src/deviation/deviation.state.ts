import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { DeviationEvent } from './deviation.events';

export interface NoDeviation {
  readonly status: 'NONE';
}

/**
 * The decider's state: the life cycle, who asked (never the one to approve), the days (an
 * expired request is not approved), and the PMO and publisher that permission checks read.
 */
export interface RecordedDeviation {
  readonly status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  readonly deviationId: string;
  readonly standardId: string;
  readonly pmoId: string;
  readonly publisherPmoId: string;
  readonly requestedBy: string;
  readonly from: LocalDate;
  readonly until: LocalDate;
}

export type DeviationState = NoDeviation | RecordedDeviation;

export const initialDeviationState: DeviationState = { status: 'NONE' };

const DECIDED = { DeviationApproved: 'APPROVED', DeviationRejected: 'REJECTED', DeviationWithdrawn: 'WITHDRAWN' } as const;

export const evolveDeviation = (state: DeviationState, event: DeviationEvent): DeviationState => {
  if (event.type === 'DeviationRequested') {
    if (state.status !== 'NONE') return state;
    const { deviationId, standardId, pmoId, publisherPmoId, requestedBy, from, until, significance } = event.data;
    // A MINOR deviation is in force once recorded: there is nothing to decide.
    return { status: significance === 'MINOR' ? 'APPROVED' : 'REQUESTED', deviationId, standardId, pmoId, publisherPmoId, requestedBy, from, until };
  }
  if (state.status !== 'REQUESTED') return state;
  switch (event.type) {
    case 'DeviationApproved':
    case 'DeviationRejected':
    case 'DeviationWithdrawn':
      return { ...state, status: DECIDED[event.type] };
    default:
      return assertNever(event);
  }
};
