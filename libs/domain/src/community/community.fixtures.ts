// Shared givens for the community and insight specs: one PMO's membership of a PMO community,
// joined at the start of 2026; `today` is the default spec context's day (2026-03-15).
import type { CommunitySnapshot, JoinCommunity } from './community.commands';
import type { CommunityContributionRecorded, CommunityJoined, CommunityLeft } from './community.events';

export { otherPmoId, pmoId, today } from '../contact/contact.fixtures';
import { pmoId } from '../contact/contact.fixtures';

export const communityId = 'c0aa0000-0000-4000-8000-000000000001';
export const joinedOn = '2026-01-10';

export const joinCommunity = (overrides: Partial<JoinCommunity> = {}): JoinCommunity => ({
  type: 'JoinCommunity',
  communityId,
  pmoId,
  name: ' PMO Flashmob ',
  kind: 'EVENT_SERIES',
  joinedOn,
  ...overrides,
});

export const communityJoined = (data: Partial<CommunityJoined['data']> = {}): CommunityJoined => ({
  type: 'CommunityJoined',
  data: { communityId, pmoId, name: 'PMO Flashmob', kind: 'EVENT_SERIES', joinedOn, ...data },
});

export const communityLeft = (leftOn = '2026-03-01'): CommunityLeft => ({ type: 'CommunityLeft', data: { communityId, leftOn } });

export const contributionRecorded = (data: Partial<CommunityContributionRecorded['data']> = {}): CommunityContributionRecorded => ({
  type: 'CommunityContributionRecorded',
  data: { communityId, on: '2026-02-12', title: 'Talk: benefits that survive the project', kind: 'TALK', ...data },
});

export const communitySnapshot = (overrides: Partial<CommunitySnapshot> = {}): CommunitySnapshot => ({ communityId, pmoId, joinedOn, ...overrides });
