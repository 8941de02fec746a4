import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { PmoState } from '@throughline/domain';
import { NotFoundError } from '../common/app-errors';
import { PMO_KIND } from '@throughline/runtime';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import { AssignPmoHeadCommand, EstablishPmoCommand, IssueMandateCommand, RenamePmoCommand } from './pmo.commands';
import { AssignPmoHeadInput, EstablishPmoInput, IssueMandateInput, RenamePmoInput } from './pmo.inputs';
import { PmoQuery, PmosQuery } from './pmo.queries';
import { Pmo } from './pmo.types';
import { toPmoView } from './pmo.view';

@Resolver(() => Pmo)
export class PmoResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => [Pmo])
  pmos(@Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null): Promise<Pmo[]> {
    return this.queries.execute(new PmosQuery(asOf ?? null));
  }

  @Query(() => Pmo, { nullable: true })
  pmo(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Pmo | null> {
    return this.queries.execute(new PmoQuery(id, asOf ?? null));
  }

  @Mutation(() => Pmo)
  async establishPmo(@Args('input') input: EstablishPmoInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.current(await this.commands.execute(new EstablishPmoCommand(input, caller)));
  }

  @Mutation(() => Pmo)
  async issueMandate(@Args('input') input: IssueMandateInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.current(await this.commands.execute(new IssueMandateCommand(input, caller)));
  }

  @Mutation(() => Pmo)
  async renamePmo(@Args('input') input: RenamePmoInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.current(await this.commands.execute(new RenamePmoCommand(input, caller)));
  }

  @Mutation(() => Pmo)
  async assignPmoHead(@Args('input') input: AssignPmoHeadInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.current(await this.commands.execute(new AssignPmoHeadCommand(input, caller)));
  }

  @ResolveField(() => Pmo, { nullable: true })
  async parent(@Parent() pmo: Pmo, @RequestLoaders() loaders: Loaders): Promise<Pmo | null> {
    if (!pmo.parentId) return null;
    return toPmoView(await loaders.entity<PmoState>(PMO_KIND, pmo.asOf).load(pmo.parentId), pmo.asOf);
  }

  @ResolveField(() => [Pmo])
  children(@Parent() pmo: Pmo): Promise<Pmo[]> {
    return this.queries.execute(new PmosQuery(pmo.asOf, pmo.id));
  }

  private async current(pmoId: string): Promise<Pmo> {
    const pmo = await this.queries.execute<PmoQuery, Pmo | null>(new PmoQuery(pmoId, null));
    if (!pmo) throw new NotFoundError('PMO', pmoId, 'pmoId');
    return pmo;
  }
}
