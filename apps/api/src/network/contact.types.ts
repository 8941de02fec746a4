import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EngagementLevel, NetworkSource, RelationshipKind, Stance } from '../graphql/enums';
import { connectionType } from '../common/connections';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType()
export class StanceAssessment {
  @Field(() => Stance) stance!: Stance;
  @Field(() => EngagementLevel) engagement!: EngagementLevel;
  @Field(() => EngagementLevel) desiredEngagement!: EngagementLevel;
  @Field(() => LocalDateScalar) assessedOn!: string;
  // reason: opened by a field resolver (contact.resolver.ts), only when asked for.
  @Field() recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;

  /** Not exposed: the reason as the view holds it, sealed; null when none was given or the person is erased. */
  sealedReason!: string | null;
}

@ObjectType({ description: "One person in a PMO's network" })
export class Contact extends NodeFields {
  // pmo, groups, lastTouchpointOn and the personal fields (name, organisation, role): resolved by
  // field resolvers (contact.resolver.ts), the personal ones opened only when asked for.
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
  /** Not exposed: the personal fields as the view holds them, sealed; null once erased. */
  sealed!: { readonly name: string | null; readonly organisation: string | null; readonly role: string | null };
  asOf!: string | null;
}

export const ContactConnection = connectionType('Contact', Contact);
