import { Module } from '@nestjs/common';
import { AlignmentReader } from '@throughline/read-models';
import { ActivitiesModule } from '../activities/activities.module';
import { PERSON_DAY_ENTRIES } from './person-day-entries';
import { WorkCommands } from './work.commands';
import { WorkReader } from './work.reader';
import { WorkResolver } from './work.resolver';
import { WorkdayLedger } from './workday-ledger';

@Module({
  imports: [ActivitiesModule],
  providers: [
    WorkResolver,
    WorkReader,
    WorkCommands,
    WorkdayLedger,
    // The alignment read model indexes current work by person and day: a workday's opening balance.
    { provide: PERSON_DAY_ENTRIES, useExisting: AlignmentReader },
  ],
  exports: [WorkReader, WorkCommands],
})
export class WorkModule {}
