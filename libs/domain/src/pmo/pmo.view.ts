import { assertNever } from '../shared/decider';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { MandateIssued, PmoEvent, PmoKind } from './pmo.events';

/** A mandate as it was issued (the PMO it belongs to is the view's own). */
export type Mandate = Readonly<Omit<MandateIssued['data'], 'pmoId'>>;

export interface NoPmoView {
  readonly status: 'NONE';
}

export interface EstablishedPmoView extends Stamps {
  readonly status: 'ESTABLISHED';
  readonly pmoId: string;
  readonly name: string;
  readonly kind: PmoKind;
  readonly parentId: string | null;
  readonly head: string | null;
  /** The mandate in force, null until the first one is issued. */
  readonly mandate: Mandate | null;
  /**
   * Replaced mandates, oldest first: auditors ask what the mandate said before. Copied only when
   * a mandate is replaced, a decision of the sponsor with a reason (a few in a PMO's life); no
   * other event touches it, so a long stream folds in linear time.
   */
  readonly previousMandates: readonly Mandate[];
}

export type PmoView = NoPmoView | EstablishedPmoView;

export const initialPmoView: PmoView = { status: 'NONE' };

// Mirrors evolvePmo: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolvePmoView = (view: PmoView, event: PmoEvent, facts: RecordedFacts): PmoView => {
  if (event.type === 'PmoEstablished') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const { pmoId, name, kind, parentId, head } = event.data;
    return { status: 'ESTABLISHED', pmoId, name, kind, parentId, head, mandate: null, previousMandates: [], ...createdBy(facts) };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'PmoRenamed':
      return { ...touched, name: event.data.name };
    case 'PmoHeadAssigned':
      return { ...touched, head: event.data.head };
    case 'MandateIssued': {
      const { version, purpose, statement, sponsor, effectiveFrom, reason } = event.data;
      return {
        ...touched,
        mandate: { version, purpose, statement, sponsor, effectiveFrom, reason },
        previousMandates: view.mandate ? [...view.previousMandates, view.mandate] : view.previousMandates,
      };
    }
    default:
      return assertNever(event);
  }
};

export const pmoView: ViewProjection<PmoEvent, PmoView> = { initialState: initialPmoView, evolve: evolvePmoView };
