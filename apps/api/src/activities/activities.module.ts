import { Module } from '@nestjs/common';
import { ActivityViews } from './activity-views';
import { ACTIVITY_COMMAND_HANDLERS } from './activity.commands';
import { ACTIVITY_QUERY_HANDLERS } from './activity.queries';
import { ActivityResolver, PlanActivitiesResolver } from './activity.resolver';
import { PlanComparisonQueryHandler } from './plan-comparison/plan-comparison.query';
import { PlanComparisonResolver } from './plan-comparison/plan-comparison.resolver';
import { ContributionPeriodResolver, ContributionResolver, ObjectiveContributionsResolver } from './contribution.resolver';

@Module({
  providers: [
    ActivityViews,
    ActivityResolver,
    PlanActivitiesResolver,
    ContributionResolver,
    ContributionPeriodResolver,
    ObjectiveContributionsResolver,
    PlanComparisonResolver,
    PlanComparisonQueryHandler,
    ...ACTIVITY_COMMAND_HANDLERS,
    ...ACTIVITY_QUERY_HANDLERS,
  ],
  exports: [ActivityViews],
})
export class ActivitiesModule {}
