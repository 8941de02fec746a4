import { assertNever } from '../shared/decider';
import type { WorkEvent, WorkFields } from './work.events';

interface WorkFacts extends WorkFields {
  readonly workEntryId: string;
  readonly pmoId: string;
}

export interface NoWorkEntry {
  readonly status: 'NONE';
}

export interface LoggedWork extends WorkFacts {
  readonly status: 'LOGGED';
}

export interface RetractedWork extends WorkFacts {
  readonly status: 'RETRACTED';
  readonly retractReason: string;
}

export type ExistingWorkEntry = LoggedWork | RetractedWork;
export type WorkState = NoWorkEntry | ExistingWorkEntry;

export const initialWorkState: WorkState = { status: 'NONE' };

// An event that cannot apply to the state leaves it unchanged rather than throwing, so that a
// replay of a stream is never blocked by the fold itself.
export const evolveWork = (state: WorkState, event: WorkEvent): WorkState => {
  if (event.type === 'WorkLogged') {
    if (state.status !== 'NONE') return state;
    return { status: 'LOGGED', ...event.data };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'WorkCorrected':
      return { ...state, ...event.data.changes };
    case 'WorkRetracted':
      return { ...state, status: 'RETRACTED', retractReason: event.data.reason };
    default:
      return assertNever(event);
  }
};
