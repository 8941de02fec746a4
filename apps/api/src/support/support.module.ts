import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { WorkModule } from '../work/work.module';
import { SupportErasures } from './support-erasure';
import { SupportCommands } from './support.commands';
import { SupportReader } from './support.reader';
import { AssistanceReportResolver, SupportResolver, SupportSessionResolver } from './support.resolver';
import { SupportViews } from './support.views';

/** The PMO's support on the assistance spectrum: qualifications, engagements, sessions, the assistance report, a supported person's erasure. */
@Module({
  imports: [ActivitiesModule, WorkModule],
  providers: [SupportViews, SupportReader, SupportCommands, SupportErasures, SupportResolver, SupportSessionResolver, AssistanceReportResolver],
})
export class SupportModule {}
