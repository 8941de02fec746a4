import { Module } from '@nestjs/common';
import { PlanReader } from './plan.reader';
import { PlanResolver, PmoPlansResolver } from './plan.resolver';

@Module({ providers: [PlanResolver, PmoPlansResolver, PlanReader] })
export class PlansModule {}
