import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';

// Something the PMO heard from outside (a talk, a post, a community's discussion) and what the
// organisation decided to do with it. Its stream category is `insight` (`insight-<insightId>`);
// its stream keeps every decision.

/** ADOPT as it is, ADAPT it to the organisation, PARK it for later, REJECT it. The order is the GraphQL enum's. */
export const INSIGHT_DECISIONS = ['ADOPT', 'ADAPT', 'PARK', 'REJECT'] as const;
export type InsightDecision = (typeof INSIGHT_DECISIONS)[number];

/** A decision that closes the question: every one but PARK. */
export const isFinalDecision = (decision: InsightDecision): boolean => decision !== 'PARK';

/** Only what is put to use has an activity that puts it to work. */
export const putsToWork = (decision: InsightDecision): boolean => decision === 'ADOPT' || decision === 'ADAPT';

export type InsightRecorded = DomainEvent<
  'InsightRecorded',
  {
    readonly insightId: string;
    readonly pmoId: string;
    /** The PMO's community it was heard in; null when heard elsewhere. */
    readonly communityId: string | null;
    readonly title: string;
    readonly summary: string;
    readonly heardOn: LocalDate;
  }
>;

/**
 * The reason is part of the decision the organisation shows (and also the event's
 * metadata.reason, like every reason).
 */
export type InsightDecided = DomainEvent<
  'InsightDecided',
  {
    readonly insightId: string;
    readonly decision: InsightDecision;
    readonly reason: string;
    readonly decidedOn: LocalDate;
    /** The activity that puts an adopted or adapted insight to work; null otherwise. */
    readonly activityId: string | null;
  }
>;

export type InsightEvent = InsightRecorded | InsightDecided;

/** The persisted name of every insight event; event-types.spec.ts checks it against InsightEvent. */
export const INSIGHT_EVENT_TYPES = ['InsightRecorded', 'InsightDecided'] as const satisfies readonly InsightEvent['type'][];
