import { Inject } from '@nestjs/common';
import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { AlignmentReader, type AuditRow } from '@throughline/read-models';
import { type AppConfig, OBJECTIVE_KIND, PMO_KIND } from '@throughline/runtime';
import { AUDIT_READ, mayReadAuditOf } from '../audit/audit-access';
import { AuditFilter } from '../audit/audit-filter.input';
import { toLogFilter } from '../audit/audit-log-pages';
import { auditRowNode, RecordedEventNode } from '../audit/recorded-event.types';
import { can } from '../auth/authorize';
import type { Permission } from '../auth/permissions';
import { Requires } from '../auth/requires';
import { pmoOrOwnAt } from '../auth/scopes';
import { NotFoundError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { EntityReader } from '../common/entity-reader';
import { EventDataOpener } from '../common/event-data-opener';
import { requireEntityId } from '../common/ids';
import { APP_CONFIG } from '../common/tokens';
import { Objective } from '../objectives/objective.types';
import { toObjectiveView } from '../objectives/objective.view';
import { EventRecordedStream } from './event-recorded.stream';
import { renewLoaders, type LiveContext } from './live-context';
import { LiveFeed } from './live-feed';
import { ObjectiveChangedStream } from './objective-changed.stream';
import { positionIn } from './positions';
import { subscriptionError } from './subscription-failures';

/** The permission objective(id) declares: an objective is delivered to whoever may read it there. */
const RECORDS_READ: Permission = 'records.read';

/** How a subscription's failure reaches its client: mapped and logged like any GraphQL error. */
const toClientOf = (context: LiveContext, field: string) => (error: unknown) => subscriptionError(error, context.request.log, context.correlationId, [field]);

interface EventRecordedArgs {
  readonly filter?: AuditFilter | null;
  readonly after?: string | null;
}

/**
 * Live updates. The guard checks each subscription's permission when it starts, as it checks a
 * query; what it delivers afterwards is then held, item by item, to the same rule the matching
 * query applies (auditLog for events, objective(id) for objectives), so a subscription never
 * shows what the caller could not read by asking.
 */
@Resolver()
export class LiveResolver {
  constructor(
    private readonly feed: LiveFeed,
    private readonly opener: EventDataOpener,
    private readonly entities: EntityReader,
    private readonly alignment: AlignmentReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Subscription(() => RecordedEventNode, {
    description: "every event recorded from now on (or after the position `after`, with no gap) that the filter and the caller's permissions let through",
    resolve(this: LiveResolver, payload: RecordedEventNode, _args: unknown, context: LiveContext) {
      return this.delivering(payload, context);
    },
  })
  @Requires(AUDIT_READ, pmoOrOwnAt((a: EventRecordedArgs) => a.filter?.pmoId, 'filter.pmoId'))
  eventRecorded(
    @Context() context: LiveContext,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'a position (RecordedEvent.position, from auditLog, history or an earlier delivery): everything recorded after it comes first, in order',
    })
    after?: string | null,
  ): AsyncIterableIterator<RecordedEventNode> {
    const logFilter = toLogFilter(filter ?? null);
    const from = after === null || after === undefined ? null : positionIn(after, 'after');
    const { principal } = context;
    return context.live.subscribe(
      context.id,
      'eventRecorded',
      () =>
        new EventRecordedStream(this.feed, {
          filter: logFilter,
          after: from,
          mayRead: (row: AuditRow) => mayReadAuditOf(principal, row.pmoId),
          show: async (row: AuditRow) => auditRowNode((await this.opener.all([row]))[0]!),
          backlog: this.config.live.backlog,
          toClient: toClientOf(context, 'eventRecorded'),
        }),
    );
  }

  @Subscription(() => Objective, {
    description: 'an objective of the PMO (or any PMO) after each change to it',
    resolve(this: LiveResolver, payload: Objective, _args: unknown, context: LiveContext) {
      return this.delivering(payload, context);
    },
  })
  @Requires(RECORDS_READ, pmoOrOwnAt((a: { pmoId?: string | null }) => a.pmoId, 'pmoId'))
  async objectiveChanged(
    @Context() context: LiveContext,
    @Args('pmoId', { type: () => ID, nullable: true, description: "only this PMO's objectives; those of every PMO the caller may read when absent" })
    pmoId?: string | null,
  ): Promise<AsyncIterableIterator<Objective>> {
    const onlyPmo = pmoId === null || pmoId === undefined ? null : await this.existingPmo(pmoId);
    const { principal } = context;
    return context.live.subscribe(
      context.id,
      'objectiveChanged',
      () =>
        new ObjectiveChangedStream(this.feed, {
          pmoId: onlyPmo,
          current: async (id) => toObjectiveView(await this.entities.get(OBJECTIVE_KIND, id), null, this.clock.today()),
          mayRead: (objective) => can(principal, RECORDS_READ, { pmoId: objective.pmoId }),
          backlog: this.config.live.backlog,
          toClient: toClientOf(context, 'objectiveChanged'),
        }),
    );
  }

  private delivering<T>(payload: T, context: LiveContext): T {
    renewLoaders(context, this.entities, this.alignment);
    return payload;
  }

  private async existingPmo(value: string): Promise<string> {
    const id = requireEntityId(value, 'pmoId');
    const pmo = await this.entities.get(PMO_KIND, id);
    if (!pmo || pmo.status === 'NONE') throw new NotFoundError('PMO', id, 'pmoId');
    return id;
  }
}
