import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Pmo } from '../pmos/pmo.types';
import { ComplianceStatus, DeviationSignificance, DeviationStatus, PmoKind, StandardKind, StandardStatus } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType()
export class StandardVersion {
  @Field(() => Int) version!: number;
  @Field() summary!: string;
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => LocalDateScalar) adoptionDueOn!: string;
  @Field(() => String, { nullable: true, description: 'why this version replaced the previous one; null for version 1' }) reason!: string | null;
  @Field(() => Int, { nullable: true, description: 'the longest deviation this version allows, in days (both ends counted); null for no cap' })
  maxDeviationDays!: number | null;
  @Field(() => DateTimeScalar) publishedAt!: string;
  @Field() publishedBy!: string;
}

@ObjectType()
export class Standard extends NodeFields {
  // publisher: resolved by a field resolver.
  @Field(() => StandardKind) kind!: StandardKind;
  @Field() title!: string;
  @Field(() => StandardVersion) current!: StandardVersion;
  @Field(() => [StandardVersion], { description: 'every version, oldest first' }) versions!: StandardVersion[];
  @Field(() => [PmoKind], { description: 'the kinds of PMO under the publisher that must follow it' }) appliesTo!: PmoKind[];
  @Field(() => StandardStatus) status!: StandardStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'obligations end from this day' }) retiredOn!: string | null;
  @Field(() => String, { nullable: true }) retirementReason!: string | null;
  @Field(() => Int) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  publisherPmoId!: string;
  asOf!: string | null;
}

@ObjectType()
export class Deviation extends NodeFields {
  // standard, pmo: resolved by field resolvers.
  @Field() description!: string;
  @Field() reason!: string;
  @Field(() => DeviationSignificance) significance!: DeviationSignificance;
  @Field(() => String, { nullable: true }) compensatingMeasures!: string | null;
  @Field(() => LocalDateScalar) from!: string;
  @Field(() => LocalDateScalar) until!: string;
  @Field(() => DeviationStatus, { description: 'EXPIRED once `until` has passed (on the day of asOf, when asked as of an instant)' })
  status!: DeviationStatus;
  @Field({ description: 'false when it was requested on or after `from`: the variation was practised before it was asked for' })
  inAdvance!: boolean;
  @Field() requestedBy!: string;
  @Field(() => DateTimeScalar) requestedAt!: string;
  @Field(() => String, { nullable: true, description: 'null for a MINOR deviation, in force once recorded' }) decidedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => Int) revision!: number;

  standardId!: string;
  pmoId!: string;
  asOf!: string | null;
}

/**
 * A report holds a row per PMO and standard (4,000 for 200 PMOs and 20 standards): its PMO,
 * standard and deviation are read once per report and set on the rows, because a field resolver
 * per row costs the whole request pipeline thousands of times.
 */
@ObjectType()
export class ComplianceRow {
  @Field(() => Pmo) pmo!: Pmo;
  @Field(() => Standard) standard!: Standard;
  @Field(() => Deviation, { nullable: true, description: 'the deviation that set the status (DEVIATION_APPROVED or DEVIATION_REQUESTED)' })
  deviation!: Deviation | null;
  @Field(() => ComplianceStatus) status!: ComplianceStatus;
  @Field(() => Int, { nullable: true, description: 'the version the PMO follows or keeps; null when none' }) version!: number | null;
  @Field(() => Int) currentVersion!: number;
  @Field(() => LocalDateScalar) dueOn!: string;
}

@ObjectType({ description: "How a PMO's standards stood on the day: the compliance report's totals for its rows" })
export class ComplianceCounts {
  @Field(() => Int) adopted!: number;
  @Field(() => Int) transition!: number;
  @Field(() => Int) deviationApproved!: number;
  @Field(() => Int) deviationRequested!: number;
  @Field(() => Int) pending!: number;
  @Field(() => Int) nonCompliant!: number;
}

/** The report's totals are the same counts, over every row. */
@ObjectType()
export class ComplianceReport extends ComplianceCounts {
  @Field(() => LocalDateScalar) on!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'the recorded instant the report is as of; null for now' }) asOf!: string | null;
  @Field(() => [ComplianceRow], { description: 'PMOs in tree order (parents first), then standards by title' }) rows!: ComplianceRow[];
}

@ObjectType({ description: 'Deviations that keep coming back: a hint that the standard, not the PMOs, should change' })
export class DeviationPattern {
  // standard: resolved by a field resolver.
  @Field(() => Int, { description: 'deviations approved or requested in the last 365 days (by request day)' }) deviations!: number;
  @Field(() => Int, { description: 'distinct PMOs among them' }) pmos!: number;
  @Field({ description: 'always true: a standard is listed only when enough PMOs deviate from it to suggest reviewing it' })
  reviewSuggested!: boolean;

  standardId!: string;
}
