import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { HistoryQuery } from './history.query';
import { EntityRef, RecordedEventConnection } from './recorded-event.types';

@Resolver()
export class AuditResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => RecordedEventConnection, { description: "an entity's change history, oldest first" })
  history(
    @Args('entity') entity: EntityRef,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<RecordedEventConnection> {
    return this.queries.execute(new HistoryQuery(entity, first ?? null, after ?? null));
  }
}
