import { Module } from '@nestjs/common';
import { AlignmentReader } from '@throughline/read-models';
import { ActivitiesModule } from '../activities/activities.module';
import { PERSON_DAY_HOURS } from './person-day-hours';
import { WorkReader } from './work.reader';
import { WorkResolver } from './work.resolver';

@Module({
  imports: [ActivitiesModule],
  providers: [
    WorkResolver,
    WorkReader,
    // The alignment read model indexes current work by person and day.
    { provide: PERSON_DAY_HOURS, useExisting: AlignmentReader },
  ],
  exports: [WorkReader],
})
export class WorkModule {}
