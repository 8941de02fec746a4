import { Module } from '@nestjs/common';
import { PMO_COMMAND_HANDLERS } from './pmo.commands';
import { PMO_QUERY_HANDLERS } from './pmo.queries';
import { PmoResolver } from './pmo.resolver';

@Module({ providers: [PmoResolver, ...PMO_COMMAND_HANDLERS, ...PMO_QUERY_HANDLERS] })
export class PmosModule {}
