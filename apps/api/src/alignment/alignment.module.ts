import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { AlignmentReports } from './alignment-reports';
import { AlignmentResolver, ObjectiveHoursResolver } from './alignment.resolver';
import { EntityViews } from './entity-views';

@Module({
  imports: [ActivitiesModule],
  providers: [AlignmentResolver, ObjectiveHoursResolver, EntityViews, AlignmentReports],
})
export class AlignmentModule {}
