import { Module } from '@nestjs/common';
import { OBJECTIVE_COMMAND_HANDLERS } from './objective.commands';
import { OBJECTIVE_QUERY_HANDLERS } from './objective.queries';
import { ObjectiveMeasurementsResolver } from './objective-measurements.resolver';
import { ObjectiveResolver, PmoObjectivesResolver } from './objective.resolver';

@Module({ providers: [ObjectiveResolver, PmoObjectivesResolver, ObjectiveMeasurementsResolver, ...OBJECTIVE_COMMAND_HANDLERS, ...OBJECTIVE_QUERY_HANDLERS] })
export class ObjectivesModule {}
