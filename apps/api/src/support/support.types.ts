import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AssistanceMode, QualificationKind, SupportOutcome, SupportStatus } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'A person holds a COACH or COUNSELLOR qualification from validFrom to validUntil (inclusive; open-ended when null)' })
export class Qualification {
  @Field() person!: string;
  @Field(() => QualificationKind) kind!: QualificationKind;
  @Field() issuer!: string;
  @Field(() => LocalDateScalar) validFrom!: string;
  @Field(() => LocalDateScalar, { nullable: true }) validUntil!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;
}

@ObjectType()
export class SupportSession {
  @Field(() => LocalDateScalar) heldOn!: string;
  @Field(() => Float) hours!: number;
  @Field(() => AssistanceMode) mode!: AssistanceMode;
  @Field() supporter!: string;
  // notes and workEntry: resolved by field resolvers (support.resolver.ts).
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;

  /** Not exposed: the notes as the view holds them, sealed. */
  sealedNotes!: string | null;
  workEntryId!: string | null;
  asOf!: string | null;
}

@ObjectType()
export class ModeHours {
  @Field(() => AssistanceMode) mode!: AssistanceMode;
  @Field(() => Int) sessions!: number;
  @Field(() => Float) hours!: number;
}

@ObjectType({ description: 'One version of what the engagement agreed: the first at opening, one more for each renegotiation' })
export class SupportAgreement {
  @Field(() => [String]) goals!: readonly string[];
  @Field(() => LocalDateScalar) agreedUntil!: string;
  @Field() willingToChange!: boolean;
  @Field(() => String, { nullable: true, description: 'why it was renegotiated; null for the opening agreement' }) reason!: string | null;
  @Field(() => DateTimeScalar) agreedAt!: string;
  @Field() agreedBy!: string;
}

@ObjectType({ description: "A PMO's support to a person or to another PMO, on the assistance spectrum" })
export class SupportEngagement extends NodeFields {
  // pmo, supportedPerson, supportedPmo and sessions: resolved by field resolvers.
  @Field() supporter!: string;
  @Field() topic!: string;
  @Field(() => AssistanceMode, { description: 'what it was asked for or called' }) requestedAs!: AssistanceMode;
  @Field(() => [String]) goals!: readonly string[];
  @Field({ description: 'coaching needs someone who wants to change' }) willingToChange!: boolean;
  @Field(() => LocalDateScalar) startedOn!: string;
  @Field(() => LocalDateScalar) agreedUntil!: string;
  @Field(() => SupportStatus) status!: SupportStatus;
  @Field(() => SupportOutcome, { nullable: true }) outcome!: SupportOutcome | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'the day it was closed' }) closedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'why it was closed' }) closeReason!: string | null;
  @Field(() => [SupportAgreement], { description: 'every version of the agreement, the current one last' }) agreements!: SupportAgreement[];
  @Field(() => [ModeHours], { description: 'sessions and hours of every mode, in the spectrum’s order' }) byMode!: ModeHours[];
  @Field(() => AssistanceMode, {
    nullable: true,
    description: 'the mode with the most hours; null before any session. A tie goes to requestedAs when it is among the tied, else to the tied mode listed first',
  })
  deliveredMostlyAs!: AssistanceMode | null;
  @Field({ description: 'false when what it was called is not what was mostly delivered' }) labelMatches!: boolean;
  @Field(() => DateTimeScalar) openedAt!: string;
  @Field() openedBy!: string;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  supportedPmoId!: string | null;
  sealedPerson!: string | null;
  sessionList!: SupportSession[];
  asOf!: string | null;
}

@ObjectType({ description: "A PMO's assistance over from..to: only sessions held in the period count" })
export class AssistanceReport {
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) to!: string;
  @Field(() => [ModeHours]) byMode!: ModeHours[];
  @Field(() => Int, { description: 'engagements with a session in the period' }) engagements!: number;
  @Field(() => Int, { description: 'of those, the ones called coaching (requestedAs COACH)' }) requestedAsCoaching!: number;
  @Field(() => Int, { description: 'of those, the ones mostly delivered as coaching over the period’s sessions' }) deliveredAsCoaching!: number;
  @Field(() => [SupportEngagement], { description: 'of those, the ones whose period’s sessions were mostly another mode than requestedAs' })
  mislabelled!: SupportEngagement[];

  /** Not exposed: resolved by a field resolver. */
  pmoId!: string;
  asOf!: string | null;
}

@ObjectType({ description: "What an erasure of a supported person's data did, by whom, when and why" })
export class SupportErasureReceipt {
  @Field() person!: string;
  @Field(() => DateTimeScalar) erasedAt!: string;
  @Field() erasedBy!: string;
  @Field() reason!: string;
  @Field(() => Int, { description: 'stored events whose personal data can no longer be read' }) eventsAffected!: number;
}
