import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { dayOf, networkHealth, type LocalDate } from '@throughline/domain';
import { NetworkFactsReader } from '@throughline/read-models';
import { CONTACT_KIND, NETWORK_GROUP_KIND, PMO_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { PMO } from '../common/aggregates';
import { pmoAt } from '../auth/scopes';
import { Clock } from '../common/clock';
import { found } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import { RequestLoaders } from '../common/request-context';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { Contact } from './contact.types';
import { GroupHealth, NetworkHealth, NetworkMap } from './network-health.types';
import { NetworkGroup } from './network-group.types';
import { loadedAll, NetworkViews } from './network.views';

interface PmoArgs {
  readonly pmoId: string;
}

/**
 * The network's health and map: the domain's pure functions over the facts the network read model
 * supplies, cut at `asOf`; the entities they name are shown as of the same instant.
 */
@Resolver(() => NetworkHealth)
export class NetworkHealthResolver {
  constructor(
    private readonly facts: NetworkFactsReader,
    private readonly views: NetworkViews,
    private readonly clock: Clock,
  ) {}

  @Query(() => NetworkHealth, { description: 'the network as it stood on `on` (today by default), as known at `asOf`' })
  @Requires('network.read', pmoAt((a: PmoArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: PmoArgs) => a.pmoId, 'pmoId'))
  networkHealth(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): NetworkHealth {
    const id = requireEntityId(pmoId, 'pmoId');
    const day: LocalDate = on ?? (asOf ? dayOf(asOf) : this.clock.today());
    const figures = networkHealth(this.facts.healthFacts(id, day, asOf ?? null));
    const { neglected, groups, ...counts } = figures;
    return {
      ...counts,
      groups: groups.map(({ groupId, ...group }) => ({ ...group, vehicles: [...group.vehicles], groupId, asOf: asOf ?? null })),
      pmoId: id,
      neglectedIds: neglected,
      asOf: asOf ?? null,
    };
  }

  @Query(() => NetworkMap, { description: "the PMO's contacts and the touchpoints each pair took part in together, as known at `asOf`" })
  @Requires('network.read', pmoAt((a: PmoArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: PmoArgs) => a.pmoId, 'pmoId'))
  networkMap(@Args('pmoId', { type: () => ID }) pmoId: string, @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null): NetworkMap {
    const { contactIds, edges } = this.facts.map(requireEntityId(pmoId, 'pmoId'), asOf ?? null);
    return { nodeIds: contactIds, edges, asOf: asOf ?? null };
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() health: NetworkHealth, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, health.asOf).load(health.pmoId), health.asOf), 'PMO', health.pmoId);
  }

  @ResolveField(() => [Contact], { description: "champions and critics not touched within any of their groups' cadence" })
  neglected(@Parent() health: NetworkHealth, @RequestLoaders() loaders: Loaders): Promise<Contact[]> {
    return contactsOf(this.views, loaders, health.neglectedIds, health.asOf);
  }
}

@Resolver(() => GroupHealth)
export class GroupHealthResolver {
  constructor(private readonly views: NetworkViews) {}

  @ResolveField(() => NetworkGroup)
  async group(@Parent() health: GroupHealth, @RequestLoaders() loaders: Loaders): Promise<NetworkGroup> {
    return found(this.views.group(await loaders.entity(NETWORK_GROUP_KIND, health.asOf).load(health.groupId), health.asOf), 'network group', health.groupId);
  }
}

@Resolver(() => NetworkMap)
export class NetworkMapResolver {
  constructor(private readonly views: NetworkViews) {}

  @ResolveField(() => [Contact], { description: 'every contact of the PMO, in the order recorded' })
  nodes(@Parent() map: NetworkMap, @RequestLoaders() loaders: Loaders): Promise<Contact[]> {
    return contactsOf(this.views, loaders, map.nodeIds, map.asOf);
  }
}

const contactsOf = async (views: NetworkViews, loaders: Loaders, ids: readonly string[], asOf: string | null): Promise<Contact[]> =>
  loadedAll(await loaders.entity(CONTACT_KIND, asOf).loadMany([...ids]))
    .map((view) => views.contact(view, asOf))
    .filter((contact): contact is Contact => contact !== null);
