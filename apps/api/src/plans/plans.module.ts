import { Module } from '@nestjs/common';
import { PLAN_COMMAND_HANDLERS } from './plan.commands';
import { PLAN_QUERY_HANDLERS } from './plan.queries';
import { PlanResolver, PmoPlansResolver } from './plan.resolver';

@Module({ providers: [PlanResolver, PmoPlansResolver, ...PLAN_COMMAND_HANDLERS, ...PLAN_QUERY_HANDLERS] })
export class PlansModule {}
