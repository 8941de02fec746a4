import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, objectiveAt, pmoAt } from '../auth/scopes';
import { AggregateLoader } from '../common/aggregate-loader';
import { OBJECTIVE, PMO, type ViewOf } from '../common/aggregates';
import { Clock } from '../common/clock';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import { PMO_KIND } from '@throughline/runtime';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { ObjectiveHealth, ObjectiveStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { CloseObjectiveInput, DefineObjectiveInput, RecordProgressInput, ReviseObjectiveInput } from './objective.inputs';
import { ObjectiveReader } from './objective.reader';
import { toObjectiveView } from './objective.view';
import { Objective, ObjectiveConnection } from './objective.types';

type ObjectiveArgs<I> = { readonly input: I };

@Resolver(() => Objective)
export class ObjectiveResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: ObjectiveReader,
    private readonly loader: AggregateLoader,
    private readonly clock: Clock,
  ) {}

  @Query(() => Objective, { nullable: true })
  @Requires('records.read', objectiveAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(OBJECTIVE, (a: { id: string }) => a.id, 'id'))
  objective(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Objective | null> {
    return this.reader.get(loaders, id, asOf ?? null);
  }

  @Query(() => [Objective], {
    description: 'every objective in the subtree of rootPmoId, or in every PMO, oldest first; RESULT_TOO_LARGE beyond the list cap',
    deprecationReason: 'use portfolioConnection',
  })
  @Requires('records.read', everyPmo)
  @ExistingIds(idOf(PMO, (a: { rootPmoId?: string | null }) => a.rootPmoId, 'rootPmoId'))
  portfolio(
    @Args('rootPmoId', { type: () => ID, nullable: true }) rootPmoId?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Objective[]> {
    return this.reader.portfolio({ rootPmoId: rootPmoId ?? null }, asOf ?? null);
  }

  @Query(() => ObjectiveConnection, {
    description: 'the objectives in the subtree of rootPmoId (as it stood at asOf), or in every PMO, of one health if asked, oldest first, a page at a time',
  })
  @Requires('records.read', everyPmo)
  @ExistingIds(idOf(PMO, (a: { rootPmoId?: string | null }) => a.rootPmoId, 'rootPmoId'))
  portfolioConnection(
    @Args('rootPmoId', { type: () => ID, nullable: true }) rootPmoId?: string | null,
    @Args('health', { type: () => ObjectiveHealth, nullable: true }) health?: ObjectiveHealth | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Connection<Objective>> {
    return this.reader.portfolioPage({ rootPmoId: rootPmoId ?? null, health: health ?? null }, asOf ?? null, { first, after, last, before });
  }

  @Mutation(() => Objective)
  @Requires('objective.manage', pmoAt((a: ObjectiveArgs<DefineObjectiveInput>) => a.input.pmoId, 'pmoId'))
  async defineObjective(@Args('input') input: DefineObjectiveInput, @Caller() caller: RequestContext): Promise<Objective> {
    const { id: pmoId } = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(OBJECTIVE, NEW_ENTITY, input, caller, (objectiveId) => ({
          type: 'DefineObjective',
          objectiveId,
          pmoId,
          title: input.title,
          description: input.description ?? null,
          metric: { name: input.metric.name, unit: input.metric.unit, baseline: input.metric.baseline, target: input.metric.target },
          startsOn: input.startsOn ?? null,
          dueOn: input.dueOn,
          owner: input.owner,
        })),
      ),
    );
  }

  @Mutation(() => Objective)
  @Requires('objective.manage', objectiveAt((a: ObjectiveArgs<ReviseObjectiveInput>) => a.input.objectiveId, 'objectiveId'))
  async reviseObjective(@Args('input') input: ReviseObjectiveInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(OBJECTIVE, { id: input.objectiveId, field: 'objectiveId' }, input, caller, (objectiveId) => ({
          type: 'ReviseObjective',
          objectiveId,
          title: input.title ?? null,
          target: input.target ?? null,
          dueOn: input.dueOn ?? null,
          reason: input.reason,
        })),
      ),
    );
  }

  @Mutation(() => Objective)
  @Requires(
    'objective.progress',
    objectiveAt((a: ObjectiveArgs<RecordProgressInput>) => a.input.objectiveId, 'objectiveId', { people: (objective) => [objective.owner] }),
  )
  async recordProgress(@Args('input') input: RecordProgressInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(OBJECTIVE, { id: input.objectiveId, field: 'objectiveId' }, input, caller, (objectiveId) => ({
          type: 'RecordProgress',
          objectiveId,
          value: input.value,
          measuredOn: input.measuredOn,
          note: input.note ?? null,
        })),
      ),
    );
  }

  @Mutation(() => Objective)
  @Requires('objective.manage', objectiveAt((a: ObjectiveArgs<CloseObjectiveInput>) => a.input.objectiveId, 'objectiveId'))
  async closeObjective(@Args('input') input: CloseObjectiveInput, @Caller() caller: RequestContext): Promise<Objective> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(OBJECTIVE, { id: input.objectiveId, field: 'objectiveId' }, input, caller, (objectiveId) => ({
          type: 'CloseObjective',
          objectiveId,
          outcome: input.outcome,
          reason: input.reason,
        })),
      ),
    );
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() objective: Objective, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    const pmo = toPmoView(await loaders.entity(PMO_KIND, objective.asOf).load(objective.pmoId), objective.asOf);
    return found(pmo, 'PMO', objective.pmoId);
  }

  /** A mutation answers the objective as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof OBJECTIVE>>): Objective {
    return found(toObjectiveView(view, null, this.clock.today()), 'objective', id, 'objectiveId');
  }
}

/** Pmo.objectives lives with the objectives, which own the query. */
@Resolver(() => Pmo)
export class PmoObjectivesResolver {
  constructor(private readonly reader: ObjectiveReader) {}

  @ResolveField(() => [Objective], {
    description: 'oldest first; RESULT_TOO_LARGE beyond the list cap',
    deprecationReason: 'use objectivesConnection',
  })
  objectives(
    @Parent() pmo: Pmo,
    @Args('status', { type: () => ObjectiveStatus, nullable: true }) status?: ObjectiveStatus | null,
  ): Promise<Objective[]> {
    return this.reader.ofPmo(pmo.id, status ?? null, pmo.asOf);
  }

  @ResolveField(() => ObjectiveConnection, { description: "the PMO's objectives (of one status if asked), oldest first, a page at a time" })
  objectivesConnection(
    @Parent() pmo: Pmo,
    @Args('status', { type: () => ObjectiveStatus, nullable: true }) status?: ObjectiveStatus | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<Objective>> {
    return this.reader.ofPmoPage(pmo.id, status ?? null, pmo.asOf, { first, after, last, before });
  }
}
