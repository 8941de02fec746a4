import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { AdoptionEvent } from './adoption.events';

export interface AdoptionRecord {
  readonly version: number;
  readonly adoptedOn: LocalDate;
  readonly adoptedAt: string;
  readonly adoptedBy: string;
}

export interface LeewayRecord {
  readonly grantorPmoId: string;
  readonly version: number;
  readonly until: LocalDate;
  readonly reason: string;
  readonly grantedAt: string;
  readonly grantedBy: string;
}

export interface NoAdoptionView {
  readonly status: 'NONE';
}

/**
 * One PMO's adoptions and leeways of one standard, in the order recorded. They grow by a
 * deliberate act each (one per version, one per leeway), and the lists are appended to without
 * copying what came before more than once per event, a handful in a pair's life.
 */
export interface OpenAdoptionView extends Stamps {
  readonly status: 'OPEN';
  readonly adoptionId: string;
  readonly standardId: string;
  readonly pmoId: string;
  readonly adoptions: readonly AdoptionRecord[];
  readonly leeways: readonly LeewayRecord[];
}

export type AdoptionView = NoAdoptionView | OpenAdoptionView;

export const initialAdoptionView: AdoptionView = { status: 'NONE' };

export const evolveAdoptionView = (view: AdoptionView, event: AdoptionEvent, facts: RecordedFacts): AdoptionView => {
  const base: OpenAdoptionView =
    view.status === 'NONE'
      ? { status: 'OPEN', adoptionId: event.data.adoptionId, standardId: event.data.standardId, pmoId: event.data.pmoId, adoptions: [], leeways: [], ...createdBy(facts) }
      : touchedBy(view, facts);
  if (event.type === 'StandardAdopted') {
    const { version, adoptedOn, adoptedAt, adoptedBy } = event.data;
    return { ...base, adoptions: [...base.adoptions, { version, adoptedOn, adoptedAt, adoptedBy }] };
  }
  const { grantorPmoId, version, until, reason, grantedAt, grantedBy } = event.data;
  return { ...base, leeways: [...base.leeways, { grantorPmoId, version, until, reason, grantedAt, grantedBy }] };
};

export const adoptionView: ViewProjection<AdoptionEvent, AdoptionView> = {
  initialState: initialAdoptionView,
  evolve: evolveAdoptionView,
};
