import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EngagementLevel, NetworkSource, RelationshipKind, Stance } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';

@ObjectType()
export class StanceAssessment {
  @Field(() => Stance) stance!: Stance;
  @Field(() => EngagementLevel) engagement!: EngagementLevel;
  @Field(() => EngagementLevel) desiredEngagement!: EngagementLevel;
  @Field(() => LocalDateScalar) assessedOn!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
}

@ObjectType({ description: "One person in a PMO's network" })
export class Contact {
  @Field(() => ID) id!: string;
  // pmo, groups and lastTouchpointOn: resolved by field resolvers (contact.resolver.ts).
  @Field(() => String, { nullable: true, description: "null once the person's data is erased" }) name!: string | null;
  @Field(() => String, { nullable: true }) organisation!: string | null;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => NetworkSource) source!: NetworkSource;
  @Field(() => RelationshipKind) relationship!: RelationshipKind;
  @Field(() => LocalDateScalar, { description: 'the day the relationship began' }) knownSince!: string;
  @Field(() => Stance, { nullable: true, description: "the latest assessment's stance; null before any" }) stance!: Stance | null;
  @Field(() => [StanceAssessment], { description: 'every assessment, in the order recorded' }) assessments!: StanceAssessment[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'the day a STAKEHOLDER relationship ended with its project' }) endedOn!: string | null;
  @Field() erased!: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: "when the person's data was erased" }) erasedAt!: string | null;
  @Field(() => DateTimeScalar, { description: 'when the contact was recorded' }) addedAt!: string;
  @Field({ description: 'who recorded the contact' }) addedBy!: string;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  asOf!: string | null;
}
