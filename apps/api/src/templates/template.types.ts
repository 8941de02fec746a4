import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ActivityMode } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'An activity of a shared template, relative to the plan period; it names no person and no objective' })
export class TemplateActivity {
  @Field() title!: string;
  @Field(() => ActivityMode) mode!: ActivityMode;
  @Field(() => Int, { description: 'days from the start of the plan period' }) startOffsetDays!: number;
  @Field(() => Int, { description: 'days it lasts, its first and last day included' }) durationDays!: number;
  @Field(() => String, { nullable: true }) rationale!: string | null;
}

@ObjectType({ description: 'A business plan one PMO shares so that others can draft theirs from it' })
export class PlanTemplate extends NodeFields {
  @Field() title!: string;
  @Field() publishedBy!: string;
  @Field(() => DateTimeScalar) publishedAt!: string;
  @Field(() => [TemplateActivity]) activities!: TemplateActivity[];
  @Field(() => Int, { description: 'plans drafted from it' }) uses!: number;
  @Field(() => Int, { description: 'stream revision' }) revision!: number;

  /** Not exposed: resolved by field resolvers (source, pmo). */
  sourcePlanId!: string;
  pmoId!: string;
}
