import type { LocalDate } from '../shared/local-date';
import type { CommunityEvent } from './community.events';

/**
 * What `decide` compares: the membership's days. Contributions are counted and listed by the view
 * (community.view.ts); `pmoId` is what permission checks read.
 */
export interface JoinedCommunity {
  readonly status: 'JOINED' | 'LEFT';
  readonly communityId: string;
  readonly pmoId: string;
  readonly joinedOn: LocalDate;
  readonly leftOn: LocalDate | null;
}

export interface NoCommunity {
  readonly status: 'NONE';
}

export type CommunityState = NoCommunity | JoinedCommunity;

export const initialCommunityState: CommunityState = { status: 'NONE' };

// An event that cannot apply leaves the state unchanged, so a replay is never blocked by the fold.
export const evolveCommunity = (state: CommunityState, event: CommunityEvent): CommunityState => {
  switch (event.type) {
    case 'CommunityJoined': {
      if (state.status !== 'NONE') return state;
      const { communityId, pmoId, joinedOn } = event.data;
      return { status: 'JOINED', communityId, pmoId, joinedOn, leftOn: null };
    }
    case 'CommunityLeft':
      if (state.status !== 'JOINED') return state;
      return { ...state, status: 'LEFT', leftOn: event.data.leftOn };
    case 'CommunityContributionRecorded':
      return state;
  }
};
