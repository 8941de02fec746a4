import { Module } from '@nestjs/common';
import { AlignmentReader } from '@throughline/read-models';
import { ActivitiesModule } from '../activities/activities.module';
import { PERSON_DAY_HOURS } from './person-day-hours';
import { WORK_COMMAND_HANDLERS } from './work.commands';
import { WORK_QUERY_HANDLERS } from './work.queries';
import { WorkResolver } from './work.resolver';

@Module({
  imports: [ActivitiesModule],
  providers: [
    WorkResolver,
    // The alignment read model indexes current work by person and day.
    { provide: PERSON_DAY_HOURS, useExisting: AlignmentReader },
    ...WORK_COMMAND_HANDLERS,
    ...WORK_QUERY_HANDLERS,
  ],
})
export class WorkModule {}
