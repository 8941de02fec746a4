import { assertNever } from '../shared/decider';
import type { WorkEvent, WorkFields } from './work.events';

/**
 * The decider's state: the correctable fields (a correction compares each with its new value, and
 * `person` is also what permission checks read), the entry's PMO, and whether it was retracted.
 * Why it was retracted is shown by the view (work.view.ts).
 */
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
      return { ...state, status: 'RETRACTED' };
    default:
      return assertNever(event);
  }
};
