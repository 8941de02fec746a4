import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CONTACT_KIND, NETWORK_GROUP_KIND, PMO_KIND, WORK_KIND } from '@throughline/runtime';
import { can } from '../auth/authorize';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { pmoAt } from '../auth/scopes';
import { NETWORK_GROUP, PMO, TOUCHPOINT, type ViewOf } from '../common/aggregates';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import type { Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { WorkEntry } from '../work/work.types';
import { toWorkEntryView } from '../work/work.view';
import { Contact } from './contact.types';
import { NetworkGroup } from './network-group.types';
import { NetworkReader } from './network.reader';
import { loadedAll, NetworkViews } from './network.views';
import { TouchpointCommands } from './touchpoint.commands';
import { RecordTouchpointInput } from './touchpoint.inputs';
import { Touchpoint, TouchpointConnection } from './touchpoint.types';

interface TouchpointsArgs {
  readonly pmoId: string;
  readonly groupId?: string | null;
}

@Resolver(() => Touchpoint)
export class TouchpointResolver {
  constructor(
    private readonly commands: TouchpointCommands,
    private readonly reader: NetworkReader,
    private readonly views: NetworkViews,
  ) {}

  @Query(() => [Touchpoint], {
    description: "a PMO's touchpoints held from..to (inclusive), by day; with groupId, those held with that group (naming it); RESULT_TOO_LARGE beyond the list cap",
    deprecationReason: 'use touchpointsConnection',
  })
  @Requires('network.read', pmoAt((a: TouchpointsArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: TouchpointsArgs) => a.pmoId, 'pmoId'), idOf(NETWORK_GROUP, (a: TouchpointsArgs) => a.groupId, 'groupId'))
  touchpoints(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string | null,
  ): Promise<Touchpoint[]> {
    return this.reader.touchpoints({ pmoId, from, to, groupId });
  }

  @Query(() => TouchpointConnection, {
    description: "a PMO's touchpoints held from..to (inclusive), by day and then as recorded; with groupId, those held with that group; a page at a time",
  })
  @Requires('network.read', pmoAt((a: TouchpointsArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: TouchpointsArgs) => a.pmoId, 'pmoId'), idOf(NETWORK_GROUP, (a: TouchpointsArgs) => a.groupId, 'groupId'))
  touchpointsConnection(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<Touchpoint>> {
    return this.reader.touchpointPage({ pmoId, from, to, groupId }, { first, after, last, before });
  }

  @Mutation(() => Touchpoint, { description: 'records a touchpoint once it was held; with work, logs the time it took as the recording person’s work entry' })
  @Requires('network.manage', pmoAt((a: { input: RecordTouchpointInput }) => a.input.pmoId, 'pmoId'))
  async recordTouchpoint(@Args('input') input: RecordTouchpointInput, @Caller() caller: RequestContext): Promise<Touchpoint> {
    return this.shown(await this.commands.record(input, caller));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() touchpoint: Touchpoint, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, touchpoint.asOf).load(touchpoint.pmoId), touchpoint.asOf), 'PMO', touchpoint.pmoId);
  }

  @ResolveField(() => [NetworkGroup])
  async groups(@Parent() touchpoint: Touchpoint, @RequestLoaders() loaders: Loaders): Promise<NetworkGroup[]> {
    const views = loadedAll(await loaders.entity(NETWORK_GROUP_KIND, touchpoint.asOf).loadMany([...touchpoint.groupIds]));
    return views.map((view) => this.views.group(view, touchpoint.asOf)).filter((g): g is NetworkGroup => g !== null);
  }

  @ResolveField(() => [Contact])
  async contacts(@Parent() touchpoint: Touchpoint, @RequestLoaders() loaders: Loaders): Promise<Contact[]> {
    const views = loadedAll(await loaders.entity(CONTACT_KIND, touchpoint.asOf).loadMany([...touchpoint.contactIds]));
    return views.map((view) => this.views.contact(view, touchpoint.asOf)).filter((c): c is Contact => c !== null);
  }

  @ResolveField(() => String, { nullable: true, description: 'null once any person who took part is erased' })
  async summary(@Parent() touchpoint: Touchpoint, @RequestLoaders() loaders: Loaders): Promise<string | null> {
    const contacts = loadedAll(await loaders.entity(CONTACT_KIND, touchpoint.asOf).loadMany([...touchpoint.contactIds]));
    return this.views.summary(touchpoint, contacts);
  }

  @ResolveField(() => WorkEntry, {
    nullable: true,
    description: 'the work entry that records the time it took, when hours were given (and the caller may read that person’s work: work.read)',
  })
  async workEntry(@Parent() touchpoint: Touchpoint, @RequestLoaders() loaders: Loaders, @Caller() caller: RequestContext): Promise<WorkEntry | null> {
    if (!touchpoint.workEntryId) return null;
    const entry = toWorkEntryView(await loaders.entity(WORK_KIND, touchpoint.asOf).load(touchpoint.workEntryId), touchpoint.asOf);
    // The network's readers are not all readers of everyone's work: a member reads only their own.
    return entry && can(caller.principal, 'work.read', { pmoId: entry.pmoId, people: [entry.person] }) ? entry : null;
  }

  /** A mutation answers the touchpoint as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof TOUCHPOINT>>): Touchpoint {
    return found(this.views.touchpoint(view, null), 'touchpoint', id, 'touchpointId');
  }
}
