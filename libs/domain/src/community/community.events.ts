import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

// A professional community a PMO takes part in (PMO Flashmob, a professional body's special
// interest group, an online group). Its stream category is `community` (`community-<communityId>`);
// its stream also records what the PMO gave back to it.

/** The order is the GraphQL enum's. */
export const COMMUNITY_KINDS = ['ONLINE_NETWORK', 'PROFESSIONAL_BODY', 'EVENT_SERIES', 'SOCIAL_MEDIA', 'OTHER'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

/** What the PMO gave back: a post, a talk, an answer to someone's question, an article. */
export const CONTRIBUTION_KINDS = ['POST', 'TALK', 'ANSWER', 'ARTICLE', 'OTHER'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export type CommunityJoined = DomainEvent<
  'CommunityJoined',
  {
    readonly communityId: string;
    readonly pmoId: string;
    readonly name: string;
    readonly kind: CommunityKind;
    readonly joinedOn: LocalDate;
  }
>;

/** Why is the event's metadata.reason, when one was given. */
export type CommunityLeft = DomainEvent<'CommunityLeft', { readonly communityId: string; readonly leftOn: LocalDate }>;

export type CommunityContributionRecorded = DomainEvent<
  'CommunityContributionRecorded',
  {
    readonly communityId: string;
    /** A day within the membership, never after the day it was recorded. */
    readonly on: LocalDate;
    readonly title: string;
    readonly kind: ContributionKind | null;
  }
>;

export type CommunityEvent = CommunityJoined | CommunityLeft | CommunityContributionRecorded;

/** The persisted name of every community event; event-types.spec.ts checks it against CommunityEvent. */
export const COMMUNITY_EVENT_TYPES = ['CommunityJoined', 'CommunityLeft', 'CommunityContributionRecorded'] as const satisfies readonly CommunityEvent['type'][];
