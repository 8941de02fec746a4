import type { LocalDate } from '../shared/local-date';
import type { CommunityKind, ContributionKind } from './community.events';

/**
 * A community as the application read it, for a command of another aggregate (an insight heard
 * there); one that does not exist is COMMUNITY_NOT_FOUND there.
 */
export interface CommunitySnapshot {
  readonly communityId: string;
  readonly pmoId: string;
  readonly joinedOn: LocalDate;
}

export interface JoinCommunity {
  readonly type: 'JoinCommunity';
  readonly communityId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly name: string;
  readonly kind: CommunityKind;
  readonly joinedOn: LocalDate;
}

/** Why goes into the event's metadata.reason. */
export interface LeaveCommunity {
  readonly type: 'LeaveCommunity';
  readonly communityId: string;
  readonly leftOn: LocalDate;
}

export interface RecordCommunityContribution {
  readonly type: 'RecordCommunityContribution';
  readonly communityId: string;
  readonly on: LocalDate;
  readonly title: string;
  readonly kind: ContributionKind | null;
}

export type CommunityCommand = JoinCommunity | LeaveCommunity | RecordCommunityContribution;
