import { Module } from '@nestjs/common';
import { ActivityViews } from './activity-views';
import { ACTIVITY_COMMAND_HANDLERS } from './activity.commands';
import { ACTIVITY_QUERY_HANDLERS } from './activity.queries';
import { ActivityResolver, PlanActivitiesResolver } from './activity.resolver';
import { ContributionPeriodResolver, ContributionResolver, ObjectiveContributionsResolver } from './contribution.resolver';

@Module({
  providers: [
    ActivityViews,
    ActivityResolver,
    PlanActivitiesResolver,
    ContributionResolver,
    ContributionPeriodResolver,
    ObjectiveContributionsResolver,
    ...ACTIVITY_COMMAND_HANDLERS,
    ...ACTIVITY_QUERY_HANDLERS,
  ],
  exports: [ActivityViews],
})
export class ActivitiesModule {}
