import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { PmoKind } from '../pmo/pmo.events';
import type { StandardEvent, StandardKind, VersionTerms } from './standard.events';

export interface StandardVersionView extends VersionTerms {
  /** Why this version replaced the previous one; null for version 1. */
  readonly reason: string | null;
}

export interface StandardRetirement {
  readonly reason: string;
  readonly retiredOn: LocalDate;
  readonly retiredAt: string;
  readonly retiredBy: string;
}

export interface NoStandardView {
  readonly status: 'NONE';
}

export interface PublishedStandardView extends Stamps {
  readonly status: 'IN_FORCE' | 'RETIRED';
  readonly standardId: string;
  readonly publisherPmoId: string;
  /** The publisher again, under the name permission checks read. */
  readonly pmoId: string;
  readonly kind: StandardKind;
  readonly title: string;
  readonly appliesTo: readonly PmoKind[];
  /**
   * Oldest first; the last is the current one. Copied only on a revision, a deliberate act with a
   * reason (a handful in a standard's life), so the fold stays linear.
   */
  readonly versions: readonly StandardVersionView[];
  readonly retirement: StandardRetirement | null;
}

export type StandardView = NoStandardView | PublishedStandardView;

export const initialStandardView: StandardView = { status: 'NONE' };

const termsOf = (data: VersionTerms, reason: string | null): StandardVersionView => {
  const { version, summary, effectiveFrom, adoptionDueOn, maxDeviationDays, publishedAt, publishedBy } = data;
  return { version, summary, effectiveFrom, adoptionDueOn, maxDeviationDays, publishedAt, publishedBy, reason };
};

// Mirrors evolveStandard: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolveStandardView = (view: StandardView, event: StandardEvent, facts: RecordedFacts): StandardView => {
  if (event.type === 'StandardPublished') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const { standardId, pmoId, kind, title, appliesTo } = event.data;
    return {
      status: 'IN_FORCE',
      standardId,
      publisherPmoId: pmoId,
      pmoId,
      kind,
      title,
      appliesTo,
      versions: [termsOf(event.data, null)],
      retirement: null,
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'StandardRevised':
      return { ...touched, versions: [...view.versions, termsOf(event.data, event.data.reason)] };
    case 'StandardRetired': {
      if (view.status === 'RETIRED') return touched;
      const { reason, retiredOn, retiredAt, retiredBy } = event.data;
      return { ...touched, status: 'RETIRED', retirement: { reason, retiredOn, retiredAt, retiredBy } };
    }
    default:
      return assertNever(event);
  }
};

export const standardView: ViewProjection<StandardEvent, StandardView> = {
  initialState: initialStandardView,
  evolve: evolveStandardView,
};
