import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { groupNextDueOn, maxDate, type LocalDate } from '@throughline/domain';
import { CONTACT_KIND, PMO_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { networkGroupAt, pmoAt } from '../auth/scopes';
import { NETWORK_GROUP, PMO, type ViewOf } from '../common/aggregates';
import type { Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { Contact } from './contact.types';
import { NetworkGroupCommands } from './network-group.commands';
import { FormNetworkGroupInput, GroupMembershipInput, ReviseNetworkGroupInput } from './network-group.inputs';
import { NetworkGroup } from './network-group.types';
import { NetworkLoaders } from './network.loaders';
import { NetworkReader } from './network.reader';
import { loadedAll, NetworkViews } from './network.views';

type Input<I> = { readonly input: I };

@Resolver(() => NetworkGroup)
export class NetworkGroupResolver {
  constructor(
    private readonly commands: NetworkGroupCommands,
    private readonly reader: NetworkReader,
    private readonly views: NetworkViews,
    private readonly network: NetworkLoaders,
  ) {}

  @Query(() => [NetworkGroup], { description: "a PMO's network groups, oldest first" })
  @Requires('network.read', pmoAt((a: { pmoId: string }) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: { pmoId: string }) => a.pmoId, 'pmoId'))
  networkGroups(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<NetworkGroup[]> {
    return this.reader.groups(pmoId, asOf ?? null);
  }

  @Mutation(() => NetworkGroup)
  @Requires('network.manage', pmoAt((a: Input<FormNetworkGroupInput>) => a.input.pmoId, 'pmoId'))
  async formNetworkGroup(@Args('input') input: FormNetworkGroupInput, @Caller() caller: RequestContext): Promise<NetworkGroup> {
    return this.shown(await this.commands.form(input, caller));
  }

  @Mutation(() => NetworkGroup)
  @Requires('network.manage', networkGroupAt((a: Input<ReviseNetworkGroupInput>) => a.input.groupId, 'groupId'))
  async reviseNetworkGroup(@Args('input') input: ReviseNetworkGroupInput, @Caller() caller: RequestContext): Promise<NetworkGroup> {
    return this.shown(await this.commands.revise(input, caller));
  }

  @Mutation(() => NetworkGroup)
  @Requires('network.manage', networkGroupAt((a: Input<GroupMembershipInput>) => a.input.groupId, 'groupId'))
  async addContactToGroup(@Args('input') input: GroupMembershipInput, @Caller() caller: RequestContext): Promise<NetworkGroup> {
    return this.shown(await this.commands.addMember(input, caller));
  }

  @Mutation(() => NetworkGroup)
  @Requires('network.manage', networkGroupAt((a: Input<GroupMembershipInput>) => a.input.groupId, 'groupId'))
  async removeContactFromGroup(@Args('input') input: GroupMembershipInput, @Caller() caller: RequestContext): Promise<NetworkGroup> {
    return this.shown(await this.commands.removeMember(input, caller));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() group: NetworkGroup, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, group.asOf).load(group.pmoId), group.asOf), 'PMO', group.pmoId);
  }

  @ResolveField(() => [Contact], { description: 'in the order they joined' })
  async members(@Parent() group: NetworkGroup, @RequestLoaders() loaders: Loaders): Promise<Contact[]> {
    const views = loadedAll(await loaders.entity(CONTACT_KIND, group.asOf).loadMany([...group.memberIds]));
    return views.map((view) => this.views.contact(view, group.asOf)).filter((c): c is Contact => c !== null);
  }

  @ResolveField(() => LocalDateScalar, { nullable: true, description: 'the latest touchpoint that named the group or that any member took part in, since it was formed' })
  lastTouchpointOn(@Parent() group: NetworkGroup, @RequestLoaders() loaders: Loaders): Promise<LocalDate | null> {
    return this.lastTouchpoint(group, loaders);
  }

  @ResolveField(() => LocalDateScalar, { description: 'the last touchpoint with any member (or the day the group was formed) plus the cadence' })
  async nextDueOn(@Parent() group: NetworkGroup, @RequestLoaders() loaders: Loaders): Promise<LocalDate> {
    return groupNextDueOn(group, await this.lastTouchpoint(group, loaders));
  }

  /**
   * One that named the group, or one of a current member's: a member's latest touchpoint counts
   * from the day the group was formed, as the network's health counts it.
   */
  private async lastTouchpoint(group: NetworkGroup, loaders: Loaders): Promise<LocalDate | null> {
    const [named, ofMembers] = await Promise.all([
      this.network.lastTouchpointNamingGroup(loaders, group.asOf).load(group.id),
      this.network.lastTouchpointOfContact(loaders, group.asOf).loadMany([...group.memberIds]),
    ]);
    let last: LocalDate | null = null;
    for (const day of [named, ...loadedAll(ofMembers)]) if (day !== null && day >= group.formedOn) last = last === null ? day : maxDate(last, day);
    return last;
  }

  /** A mutation answers the group as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof NETWORK_GROUP>>): NetworkGroup {
    return found(this.views.group(view, null), 'network group', id, 'groupId');
  }
}
