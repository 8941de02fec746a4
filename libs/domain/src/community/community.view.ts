import { append, emptyList, listItems, type AppendOnlyList } from '../shared/append-only-list';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { LocalDate } from '../shared/local-date';
import type { CommunityEvent, CommunityJoined, ContributionKind } from './community.events';

/** One thing the PMO gave back to the community, with who recorded it and when. */
export interface CommunityContribution {
  readonly on: LocalDate;
  readonly title: string;
  readonly kind: ContributionKind | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface NoCommunityView {
  readonly status: 'NONE';
}

export interface JoinedCommunityView extends Stamps, Readonly<CommunityJoined['data']> {
  readonly status: 'JOINED' | 'LEFT';
  readonly leftOn: LocalDate | null;
  readonly joinedAt: string;
  readonly joinedBy: string;
  /** In the order recorded; grows with the stream, so an append-only list (linear folds). */
  readonly contributions: AppendOnlyList<CommunityContribution>;
}

export type CommunityView = NoCommunityView | JoinedCommunityView;

export const initialCommunityView: CommunityView = { status: 'NONE' };

/** The contributions in the order recorded. */
export const communityContributions = (view: JoinedCommunityView): CommunityContribution[] => listItems(view.contributions);

// Mirrors evolveCommunity: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolveCommunityView = (view: CommunityView, event: CommunityEvent, facts: RecordedFacts): CommunityView => {
  if (event.type === 'CommunityJoined') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    return {
      status: 'JOINED',
      ...event.data,
      leftOn: null,
      joinedAt: facts.recordedAt,
      joinedBy: facts.actor,
      contributions: emptyList(),
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'CommunityLeft':
      return view.status === 'LEFT' ? touched : { ...touched, status: 'LEFT', leftOn: event.data.leftOn };
    case 'CommunityContributionRecorded': {
      const { on, title, kind } = event.data;
      return { ...touched, contributions: append(view.contributions, { on, title, kind, recordedAt: facts.recordedAt, recordedBy: facts.actor }) };
    }
  }
};

export const communityView: ViewProjection<CommunityEvent, CommunityView> = {
  initialState: initialCommunityView,
  evolve: evolveCommunityView,
};
