import { Module } from '@nestjs/common';
import { EntityStatePersonDayHours, PERSON_DAY_HOURS } from './person-day-hours';
import { WORK_COMMAND_HANDLERS } from './work.commands';
import { WORK_QUERY_HANDLERS } from './work.queries';
import { WorkResolver } from './work.resolver';

@Module({
  providers: [
    WorkResolver,
    { provide: PERSON_DAY_HOURS, useClass: EntityStatePersonDayHours },
    ...WORK_COMMAND_HANDLERS,
    ...WORK_QUERY_HANDLERS,
  ],
})
export class WorkModule {}
