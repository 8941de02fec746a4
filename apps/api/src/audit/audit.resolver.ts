import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { IntegrityReport } from '@throughline/event-store';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf, refOf } from '../auth/existing-ids';
import { PMO } from '../common/aggregates';
import { entityRefAt, pmoOrEveryAt } from '../auth/scopes';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import { Caller, type RequestContext } from '../common/request-context';
import { WHOLE_STORE_COST } from '../graphql/query-limits';
import { AUDIT_READ, authorizeAuditRead } from './audit-access';
import { AuditFilter } from './audit-filter.input';
import { AuditLogPages } from './audit-log-pages';
import { HistoryReader } from './history.reader';
import { IntegrityVerifier } from './integrity/integrity-verifier';
import { IntegrityReportNode, StreamHeadInput } from './integrity/integrity.types';
import { EntityRef, RecordedEventConnection, type RecordedEventNode } from './recorded-event.types';

@Resolver()
export class AuditResolver {
  constructor(
    private readonly histories: HistoryReader,
    private readonly log: AuditLogPages,
    private readonly integrity: IntegrityVerifier,
  ) {}

  @Query(() => RecordedEventConnection, { description: "an entity's change history, oldest first" })
  @Requires(AUDIT_READ, entityRefAt((a: { entity: EntityRef }) => a.entity, 'entity.id'))
  @ExistingIds(refOf((a: { entity: EntityRef }) => a.entity, 'entity.id'))
  history(
    @Args('entity') entity: EntityRef,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<RecordedEventNode>> {
    return this.histories.page(entity, { first, after, last, before });
  }

  @Query(() => RecordedEventConnection, { description: 'every recorded event matching the filter, oldest first' })
  @Requires(AUDIT_READ, pmoOrEveryAt((a: { filter?: AuditFilter | null }) => a.filter?.pmoId, 'filter.pmoId'))
  @ExistingIds(idOf(PMO, (a: { filter?: AuditFilter | null }) => a.filter?.pmoId, 'filter.pmoId'))
  auditLog(
    // Declared without `| null`: the emitted parameter type must be the class for the validation
    // pipe to check the filter at all (a union is emitted as Object, which it skips).
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<RecordedEventNode>> {
    return this.log.page(filter ?? null, { first, after, last, before });
  }

  @Query(() => IntegrityReportNode, {
    complexity: WHOLE_STORE_COST,
    description:
      "checks the hash chain of every stored event, or of a PMO's streams, against the stored bytes; names each damaged event and gives every stream's head hash",
  })
  @Requires('integrity.verify', pmoOrEveryAt((a: { pmoId?: string | null }) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: { pmoId?: string | null }) => a.pmoId, 'pmoId'))
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
    return this.integrity.verify(pmoId ?? null, knownHeads ?? []);
  }
}
