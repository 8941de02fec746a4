import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { PmoState } from '@throughline/domain';
import { NotFoundError } from '../common/app-errors';
import { PMO_KIND } from '@throughline/runtime';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { ObjectiveStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { CloseObjectiveCommand, DefineObjectiveCommand, RecordProgressCommand, ReviseObjectiveCommand } from './objective.commands';
import { CloseObjectiveInput, DefineObjectiveInput, RecordProgressInput, ReviseObjectiveInput } from './objective.inputs';
import { ObjectiveQuery, PmoObjectivesQuery, PortfolioQuery } from './objective.queries';
import { Objective } from './objective.types';

@Resolver(() => Objective)
export class ObjectiveResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Query(() => Objective, { nullable: true })
  objective(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Objective | null> {
    return this.queries.execute(new ObjectiveQuery(id, asOf ?? null));
  }

  @Query(() => [Objective], { description: 'every objective in the subtree of rootPmoId, or in every PMO' })
  portfolio(
    @Args('rootPmoId', { type: () => ID, nullable: true }) rootPmoId?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Objective[]> {
    return this.queries.execute(new PortfolioQuery(rootPmoId ?? null, asOf ?? null));
  }

  @Mutation(() => Objective)
  async defineObjective(@Args('input') input: DefineObjectiveInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.current(await this.commands.execute(new DefineObjectiveCommand(input, caller)));
  }

  @Mutation(() => Objective)
  async reviseObjective(@Args('input') input: ReviseObjectiveInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.current(await this.commands.execute(new ReviseObjectiveCommand(input, caller)));
  }

  @Mutation(() => Objective)
  async recordProgress(@Args('input') input: RecordProgressInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.current(await this.commands.execute(new RecordProgressCommand(input, caller)));
  }

  @Mutation(() => Objective)
  async closeObjective(@Args('input') input: CloseObjectiveInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.current(await this.commands.execute(new CloseObjectiveCommand(input, caller)));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() objective: Objective, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    const pmo = toPmoView(await loaders.entity<PmoState>(PMO_KIND, objective.asOf).load(objective.pmoId), objective.asOf);
    if (!pmo) throw new NotFoundError('PMO', objective.pmoId);
    return pmo;
  }

  private async current(objectiveId: string): Promise<Objective> {
    const objective = await this.queries.execute<ObjectiveQuery, Objective | null>(new ObjectiveQuery(objectiveId, null));
    if (!objective) throw new NotFoundError('objective', objectiveId, 'objectiveId');
    return objective;
  }
}

/** Pmo.objectives lives with the objectives, which own the query. */
@Resolver(() => Pmo)
export class PmoObjectivesResolver {
  constructor(private readonly queries: QueryBus) {}

  @ResolveField(() => [Objective])
  objectives(
    @Parent() pmo: Pmo,
    @Args('status', { type: () => ObjectiveStatus, nullable: true }) status?: ObjectiveStatus | null,
  ): Promise<Objective[]> {
    return this.queries.execute(new PmoObjectivesQuery(pmo.id, status ?? null, pmo.asOf));
  }
}
