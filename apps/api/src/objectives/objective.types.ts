import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { MetricDirection, ObjectiveHealth, ObjectiveOutcome, ObjectiveStatus } from '../graphql/enums';
import { connectionType } from '../common/connections';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType()
export class Metric {
  @Field() name!: string;
  @Field() unit!: string;
  @Field(() => Float) baseline!: number;
  @Field(() => Float) target!: number;
  @Field(() => MetricDirection) direction!: MetricDirection;
}

@ObjectType()
export class Measurement {
  @Field(() => Float) value!: number;
  @Field(() => LocalDateScalar) measuredOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field() recordedBy!: string;
}

@ObjectType({ description: 'A change of target, with the reason given for it' })
export class TargetRevision {
  @Field(() => Float) previousTarget!: number;
  @Field(() => Float) target!: number;
  @Field() reason!: string;
  @Field(() => DateTimeScalar) revisedAt!: string;
  @Field() revisedBy!: string;
}

@ObjectType()
export class ObjectiveClosure {
  @Field(() => ObjectiveOutcome) outcome!: ObjectiveOutcome;
  @Field() reason!: string;
  @Field(() => LocalDateScalar) closedOn!: string;
  @Field(() => DateTimeScalar) closedAt!: string;
}

@ObjectType()
export class Objective extends NodeFields {
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Metric) metric!: Metric;
  @Field(() => LocalDateScalar) startsOn!: string;
  @Field(() => LocalDateScalar) dueOn!: string;
  @Field() owner!: string;
  @Field(() => ObjectiveStatus) status!: ObjectiveStatus;
  @Field(() => ObjectiveHealth) health!: ObjectiveHealth;
  @Field(() => Float, { nullable: true, description: 'value of the measurement with the latest measuredOn; null before any' })
  currentValue!: number | null;
  @Field(() => Float, { description: '(currentValue - baseline) / (target - baseline); 0 before any measurement; may exceed 1' })
  progress!: number;
  @Field(() => Float, { description: 'share of the time from startsOn to dueOn that has elapsed, 0..1' })
  expectedProgress!: number;
  // measurements: resolved from their own read model (objective-measurements.resolver.ts).
  @Field(() => [TargetRevision], { description: 'every change of target, oldest first' })
  targetRevisions!: TargetRevision[];
  @Field(() => ObjectiveClosure, { nullable: true }) closure!: ObjectiveClosure | null;
  @Field(() => DateTimeScalar) definedAt!: string;
  @Field(() => Int) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  asOf!: string | null;
}

export const ObjectiveConnection = connectionType('Objective', Objective);
export const MeasurementConnection = connectionType('Measurement', Measurement);
