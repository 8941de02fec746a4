import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PMO_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { communityAt, pmoAt } from '../auth/scopes';
import { COMMUNITY, PMO, type ViewOf } from '../common/aggregates';
import type { Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { InsightCommands } from './insight.commands';
import { CommunityContributionInput, JoinCommunityInput, LeaveCommunityInput } from './insight.inputs';
import { InsightReader } from './insight.reader';
import { Community } from './insight.types';
import { toCommunity } from './insight.views';

type Input<I> = { readonly input: I };

@Resolver(() => Community)
export class CommunityResolver {
  constructor(
    private readonly commands: InsightCommands,
    private readonly reader: InsightReader,
  ) {}

  @Query(() => [Community], { description: "the communities a PMO joined, oldest first, those it left included" })
  @Requires('insight.read', pmoAt((a: { pmoId: string }) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: { pmoId: string }) => a.pmoId, 'pmoId'))
  communities(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Community[]> {
    return this.reader.communities(pmoId, asOf ?? null);
  }

  @Mutation(() => Community, { description: 'records that the PMO joined a community, on a day not after today' })
  @Requires('insight.record', pmoAt((a: Input<JoinCommunityInput>) => a.input.pmoId, 'pmoId'))
  async joinCommunity(@Args('input') input: JoinCommunityInput, @Caller() caller: RequestContext): Promise<Community> {
    return this.shown(await this.commands.join(input, caller));
  }

  @Mutation(() => Community, { description: 'records that the PMO left a community, once, on or after the day it joined' })
  @Requires('insight.record', communityAt((a: Input<LeaveCommunityInput>) => a.input.communityId, 'communityId'))
  async leaveCommunity(@Args('input') input: LeaveCommunityInput, @Caller() caller: RequestContext): Promise<Community> {
    return this.shown(await this.commands.leave(input, caller));
  }

  @Mutation(() => Community, { description: 'records what the PMO gave back to a community, on a day of its membership' })
  @Requires('insight.record', communityAt((a: Input<CommunityContributionInput>) => a.input.communityId, 'communityId'))
  async recordCommunityContribution(@Args('input') input: CommunityContributionInput, @Caller() caller: RequestContext): Promise<Community> {
    return this.shown(await this.commands.contribute(input, caller));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() community: Community, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, community.asOf).load(community.pmoId), community.asOf), 'PMO', community.pmoId);
  }

  /** A mutation answers the community as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof COMMUNITY>>): Community {
    return found(toCommunity(view, null), 'community', id, 'communityId');
  }
}
