import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { AuditFilter } from './audit-filter.input';
import { AuditLogQuery } from './audit-log.query';
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

  @Query(() => RecordedEventConnection, { description: 'every recorded event matching the filter, oldest first' })
  auditLog(
    // Declared without `| null`: the emitted parameter type must be the class for the validation
    // pipe to check the filter at all (a union is emitted as Object, which it skips).
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<RecordedEventConnection> {
    return this.queries.execute(new AuditLogQuery(filter ?? null, first ?? null, after ?? null));
  }
}
