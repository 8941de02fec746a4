import { Module } from '@nestjs/common';
import { ObjectiveReader } from './objective.reader';
import { ObjectiveResolver, PmoObjectivesResolver } from './objective.resolver';

@Module({ providers: [ObjectiveResolver, PmoObjectivesResolver, ObjectiveReader], exports: [ObjectiveReader] })
export class ObjectivesModule {}
