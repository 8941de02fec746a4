import { Module } from '@nestjs/common';
import { ActivityViews } from './activity-views';
import { ActivityReader } from './activity.reader';
import { ActivityResolver, PlanActivitiesResolver } from './activity.resolver';
import { Snapshots } from './activity.snapshots';
import { ContributionPeriodResolver, ContributionResolver, ObjectiveContributionsResolver } from './contribution.resolver';
import { PlanComparisonReader } from './plan-comparison/plan-comparison.reader';
import { ActivityFieldChangeResolver, PlanComparisonResolver } from './plan-comparison/plan-comparison.resolver';

@Module({
  providers: [
    ActivityViews,
    ActivityReader,
    Snapshots,
    ActivityResolver,
    PlanActivitiesResolver,
    ContributionResolver,
    ContributionPeriodResolver,
    ObjectiveContributionsResolver,
    PlanComparisonResolver,
    ActivityFieldChangeResolver,
    PlanComparisonReader,
  ],
  exports: [ActivityViews, Snapshots],
})
export class ActivitiesModule {}
