import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { DeviationEvent, DeviationRequested, DeviationStatus } from './deviation.events';

export interface NoDeviationView {
  readonly status: 'NONE';
}

/** What the deviation was asked with, and its decision; `status` as recorded (EXPIRED comes from `statusOn`). */
export interface RecordedDeviationView extends Stamps, Readonly<DeviationRequested['data']> {
  readonly status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decidedOn: LocalDate | null;
  readonly decisionReason: string | null;
}

export type DeviationView = NoDeviationView | RecordedDeviationView;

export const initialDeviationView: DeviationView = { status: 'NONE' };

const STATUS_OF = { DeviationApproved: 'APPROVED', DeviationRejected: 'REJECTED', DeviationWithdrawn: 'WITHDRAWN' } as const;

// Mirrors evolveDeviation. A MINOR deviation is in force from its request: decided then, by nobody.
export const evolveDeviationView = (view: DeviationView, event: DeviationEvent, facts: RecordedFacts): DeviationView => {
  if (event.type === 'DeviationRequested') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const minor = event.data.significance === 'MINOR';
    return {
      ...event.data,
      status: minor ? 'APPROVED' : 'REQUESTED',
      decidedBy: null,
      decidedAt: minor ? event.data.requestedAt : null,
      decidedOn: minor ? event.data.requestedOn : null,
      decisionReason: null,
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  if (view.status !== 'REQUESTED') return touched;
  const { reason, decidedOn, decidedAt, decidedBy } = event.data;
  return { ...touched, status: STATUS_OF[event.type], decidedBy, decidedAt, decidedOn, decisionReason: reason };
};

export const deviationView: ViewProjection<DeviationEvent, DeviationView> = {
  initialState: initialDeviationView,
  evolve: evolveDeviationView,
};

/** The status shown on `day`: a request or approval whose `until` has passed has EXPIRED. */
export const deviationStatusOn = (view: Pick<RecordedDeviationView, 'status' | 'until'>, day: LocalDate): DeviationStatus =>
  (view.status === 'REQUESTED' || view.status === 'APPROVED') && day > view.until ? 'EXPIRED' : view.status;
