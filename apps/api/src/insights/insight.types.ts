import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CommunityKind, ContributionKind, InsightDecision } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'Something the PMO gave back to a community: a post, a talk, an answer' })
export class CommunityContribution {
  @Field(() => LocalDateScalar) on!: string;
  @Field() title!: string;
  @Field(() => ContributionKind, { nullable: true }) kind!: ContributionKind | null;
  @Field() recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
}

@ObjectType({ description: 'A professional community the PMO takes part in' })
export class Community extends NodeFields {
  // pmo: resolved by a field resolver (community.resolver.ts).
  @Field() name!: string;
  @Field(() => CommunityKind) kind!: CommunityKind;
  @Field(() => LocalDateScalar) joinedOn!: string;
  @Field(() => LocalDateScalar, { nullable: true }) leftOn!: string | null;
  @Field(() => Int, { description: 'posts, talks and answers the PMO gave back' }) contributions!: number;
  @Field(() => [CommunityContribution], { description: 'what the PMO gave back, in the order recorded' }) contributionList!: CommunityContribution[];
  @Field() joinedBy!: string;
  @Field(() => DateTimeScalar) joinedAt!: string;
  @Field(() => Int) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  asOf!: string | null;
}

@ObjectType({ description: 'One decision on an insight, as made' })
export class InsightDecisionEntry {
  @Field(() => InsightDecision) decision!: InsightDecision;
  @Field() reason!: string;
  @Field(() => LocalDateScalar) decidedOn!: string;
  @Field(() => ID, { nullable: true, description: 'the activity that puts it to work (ADOPT and ADAPT only)' }) activityId!: string | null;
  @Field() recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
}

@ObjectType({ description: 'Something the PMO heard from outside, and what the organisation decided to do with it' })
export class Insight extends NodeFields {
  // pmo, community and activity: resolved by field resolvers (insight.resolver.ts).
  @Field() title!: string;
  @Field() summary!: string;
  @Field(() => LocalDateScalar) heardOn!: string;
  @Field(() => InsightDecision, { nullable: true, description: 'the latest decision' }) decision!: InsightDecision | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) decidedOn!: string | null;
  @Field(() => [InsightDecisionEntry], { description: 'every decision in the order made: parks before the final one' }) decisions!: InsightDecisionEntry[];
  @Field() recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => Int) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  communityId!: string | null;
  activityId!: string | null;
  asOf!: string | null;
}

@ObjectType({ description: 'From the mass of outside material to what the organisation actually uses' })
export class InsightFunnel {
  // pmo: resolved by a field resolver.
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => Int, { description: 'insights heard from..to' }) heard!: number;
  @Field(() => Int, { description: 'of those, the ones whose latest decision is final (ADOPT, ADAPT or REJECT)' }) decided!: number;
  @Field(() => Int) adopted!: number;
  @Field(() => Int) adapted!: number;
  @Field(() => Int, { description: 'of those, the ones whose latest decision is PARK' }) parked!: number;
  @Field(() => Int) rejected!: number;
  @Field(() => Float, { nullable: true, description: 'null when none was decided' }) medianDaysToDecision!: number | null;
  @Field(() => Int, { description: "contributions made from..to to any of the PMO's communities" }) contributions!: number;

  pmoId!: string;
  asOf!: string | null;
}
