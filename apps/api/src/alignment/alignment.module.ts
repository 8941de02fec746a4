import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { ALIGNMENT_QUERY_HANDLERS } from './alignment.queries';
import { AlignmentResolver, ObjectiveHoursResolver } from './alignment.resolver';
import { EntityViews } from './entity-views';

@Module({
  imports: [ActivitiesModule],
  providers: [AlignmentResolver, ObjectiveHoursResolver, EntityViews, ...ALIGNMENT_QUERY_HANDLERS],
})
export class AlignmentModule {}
