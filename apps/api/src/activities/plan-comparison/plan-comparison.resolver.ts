import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { PlanComparisonQuery } from './plan-comparison.query';
import { PlanComparison } from './plan-comparison.types';

@Resolver(() => PlanComparison)
export class PlanComparisonResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => PlanComparison, {
    description:
      'the plan as of `asOf` (now by default) against an approved version: activities added, removed (cancelled) and changed since it was approved',
  })
  planComparison(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('baselineVersion', { type: () => Int }) baselineVersion: number,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<PlanComparison> {
    return this.queries.execute(new PlanComparisonQuery(planId, baselineVersion, asOf ?? null));
  }
}
