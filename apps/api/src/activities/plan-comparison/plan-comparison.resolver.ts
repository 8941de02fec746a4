import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { Requires } from '../../auth/requires';
import { ExistingIds, idOf } from '../../auth/existing-ids';
import { PLAN } from '../../common/aggregates';
import { planAt } from '../../auth/scopes';
import { PlanComparisonReader } from './plan-comparison.reader';
import { ActivityChangeField, ActivityFieldChange, PlanComparison } from './plan-comparison.types';

@Resolver(() => PlanComparison)
export class PlanComparisonResolver {
  constructor(private readonly reader: PlanComparisonReader) {}

  @Query(() => PlanComparison, {
    description:
      'the plan as of `asOf` (now by default) against an approved version: activities added, removed (cancelled) and changed since it was approved',
  })
  @Requires('records.read', planAt((a: { planId: string }) => a.planId, 'planId'))
  @ExistingIds(idOf(PLAN, (a: { planId: string }) => a.planId, 'planId'))
  planComparison(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('baselineVersion', { type: () => Int }) baselineVersion: number,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<PlanComparison> {
    return this.reader.compare(planId, baselineVersion, asOf ?? null);
  }
}

/** The field a change touches, as an enum beside the text the contract has always given. */
@Resolver(() => ActivityFieldChange)
export class ActivityFieldChangeResolver {
  @ResolveField(() => ActivityChangeField, { description: 'the part of the activity changed: `field` as an enum a client can check for exhaustiveness' })
  changedField(@Parent() change: ActivityFieldChange): ActivityChangeField {
    return change.field;
  }
}
