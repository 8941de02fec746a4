import { Module } from '@nestjs/common';
import { ObjectiveMeasurementsResolver } from './objective-measurements.resolver';
import { ObjectiveReader } from './objective.reader';
import { ObjectiveResolver, PmoObjectivesResolver } from './objective.resolver';

@Module({ providers: [ObjectiveResolver, PmoObjectivesResolver, ObjectiveMeasurementsResolver, ObjectiveReader], exports: [ObjectiveReader] })
export class ObjectivesModule {}
