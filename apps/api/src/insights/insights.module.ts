import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { CommunityResolver } from './community.resolver';
import { InsightCommands } from './insight.commands';
import { InsightReader } from './insight.reader';
import { InsightFunnelResolver, InsightResolver } from './insight.resolver';

/** Knowledge from outside: the communities a PMO takes part in and gives back to, and the insights it sifts. */
@Module({
  imports: [ActivitiesModule],
  providers: [InsightCommands, InsightReader, CommunityResolver, InsightResolver, InsightFunnelResolver],
})
export class InsightsModule {}
