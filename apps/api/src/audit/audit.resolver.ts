import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import type { IntegrityReport } from '@throughline/event-store';
import { Caller, type RequestContext } from '../common/request-context';
import { WHOLE_STORE_COST } from '../graphql/query-limits';
import { authorizeAuditRead } from './audit-access';
import { AuditFilter } from './audit-filter.input';
import { AuditLogQuery } from './audit-log.query';
import { HistoryQuery } from './history.query';
import { IntegrityReportNode, StreamHeadInput } from './integrity/integrity.types';
import { VerifyIntegrityQuery } from './integrity/verify-integrity.query';
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

  @Query(() => IntegrityReportNode, {
    complexity: WHOLE_STORE_COST,
    description:
      "checks the hash chain of every stored event, or of a PMO's streams, against the stored bytes; names each damaged event and gives every stream's head hash",
  })
  verifyIntegrity(
    @Caller() caller: RequestContext,
    @Args('pmoId', { type: () => ID, nullable: true, description: "only this PMO's streams; every stream when absent" }) pmoId?: string | null,
    @Args('knownHeads', {
      type: () => [StreamHeadInput],
      nullable: true,
      description: 'stream heads kept from an earlier report: each must still be the event at its revision',
    })
    knownHeads?: StreamHeadInput[] | null,
  ): Promise<IntegrityReport> {
    authorizeAuditRead(caller.principal, pmoId ?? null);
    return this.queries.execute(new VerifyIntegrityQuery(pmoId ?? null, knownHeads ?? []));
  }
}
