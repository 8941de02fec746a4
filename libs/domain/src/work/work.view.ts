import { assertNever } from '../shared/decider';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { WorkEvent, WorkFields } from './work.events';

interface WorkShown extends WorkFields, Stamps {
  readonly workEntryId: string;
  readonly pmoId: string;
}

export interface NoWorkEntryView {
  readonly status: 'NONE';
}

export interface LoggedWorkView extends WorkShown {
  readonly status: 'LOGGED';
}

export interface RetractedWorkView extends WorkShown {
  readonly status: 'RETRACTED';
  readonly retractReason: string;
}

export type ExistingWorkEntryView = LoggedWorkView | RetractedWorkView;
export type WorkView = NoWorkEntryView | ExistingWorkEntryView;

export const initialWorkView: WorkView = { status: 'NONE' };

// Mirrors evolveWork: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolveWorkView = (view: WorkView, event: WorkEvent, facts: RecordedFacts): WorkView => {
  if (event.type === 'WorkLogged') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    return { status: 'LOGGED', ...event.data, ...createdBy(facts) };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'WorkCorrected':
      return { ...touched, ...event.data.changes };
    case 'WorkRetracted':
      return { ...touched, status: 'RETRACTED', retractReason: event.data.reason };
    default:
      return assertNever(event);
  }
};

export const workView: ViewProjection<WorkEvent, WorkView> = { initialState: initialWorkView, evolve: evolveWorkView };
