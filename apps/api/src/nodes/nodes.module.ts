import { Module } from '@nestjs/common';
import { NodeResolver } from './node.resolver';

/** node(id): any entity by its id, read by the readers its own type's queries use. */
@Module({ providers: [NodeResolver] })
export class NodesModule {}
