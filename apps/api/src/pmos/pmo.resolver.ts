import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, pmoAt } from '../auth/scopes';
import { AggregateLoader } from '../common/aggregate-loader';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import { PMO, type ViewOf } from '../common/aggregates';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import { PMO_KIND } from '@throughline/runtime';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import { AssignPmoHeadInput, EstablishPmoInput, IssueMandateInput, RenamePmoInput } from './pmo.inputs';
import { PmoReader } from './pmo.reader';
import { Pmo, PmoConnection } from './pmo.types';
import { toPmoView } from './pmo.view';

type PmoArgs<I> = { readonly input: I };

@Resolver(() => Pmo)
export class PmoResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: PmoReader,
    private readonly loader: AggregateLoader,
  ) {}

  @Query(() => [Pmo], { description: 'every PMO, oldest first; RESULT_TOO_LARGE beyond the list cap', deprecationReason: 'use pmosConnection' })
  @Requires('records.read', everyPmo)
  pmos(@Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null): Promise<Pmo[]> {
    return this.reader.all(asOf ?? null);
  }

  @Query(() => PmoConnection, { description: 'every PMO (that existed at asOf), oldest first, a page at a time' })
  @Requires('records.read', everyPmo)
  pmosConnection(
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Connection<Pmo>> {
    return this.reader.page(asOf ?? null, { first, after, last, before });
  }

  @Query(() => Pmo, { nullable: true })
  @Requires('records.read', pmoAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(PMO, (a: { id: string }) => a.id, 'id'))
  pmo(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Pmo | null> {
    return this.reader.get(loaders, id, asOf ?? null);
  }

  @Mutation(() => Pmo)
  @Requires('pmo.manage', everyPmo)
  async establishPmo(@Args('input') input: EstablishPmoInput, @Caller() caller: RequestContext): Promise<Pmo> {
    const parent = input.parentId ? await this.loader.existing(PMO, input.parentId, 'parentId', caller.folds) : null;
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PMO, NEW_ENTITY, input, caller, (pmoId) => ({
          type: 'EstablishPmo',
          pmoId,
          name: input.name,
          kind: input.kind,
          parent: parent && {
            pmoId: parent.id,
            kind: parent.state.kind,
            establishedOn: parent.view.status === 'NONE' ? undefined : parent.view.establishedOn,
            merged: parent.state.merged !== null,
          },
          head: input.head ?? null,
          establishedOn: input.establishedOn ?? null,
        })),
      ),
    );
  }

  @Mutation(() => Pmo)
  @Requires('mandate.issue', pmoAt((a: PmoArgs<IssueMandateInput>) => a.input.pmoId, 'pmoId'))
  async issueMandate(@Args('input') input: IssueMandateInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PMO, { id: input.pmoId, field: 'pmoId' }, input, caller, (pmoId) => ({
          type: 'IssueMandate',
          pmoId,
          purpose: input.purpose,
          statement: input.statement,
          sponsor: input.sponsor,
          effectiveFrom: input.effectiveFrom,
          reason: input.reason ?? null,
        })),
      ),
    );
  }

  @Mutation(() => Pmo)
  @Requires('pmo.manage', pmoAt((a: PmoArgs<RenamePmoInput>) => a.input.pmoId, 'pmoId'))
  async renamePmo(@Args('input') input: RenamePmoInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PMO, { id: input.pmoId, field: 'pmoId' }, input, caller, (pmoId) => ({ type: 'RenamePmo', pmoId, name: input.name })),
      ),
    );
  }

  @Mutation(() => Pmo)
  @Requires('pmo.manage', pmoAt((a: PmoArgs<AssignPmoHeadInput>) => a.input.pmoId, 'pmoId'))
  async assignPmoHead(@Args('input') input: AssignPmoHeadInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PMO, { id: input.pmoId, field: 'pmoId' }, input, caller, (pmoId) => ({ type: 'AssignPmoHead', pmoId, head: input.head ?? null })),
      ),
    );
  }

  @ResolveField(() => Pmo, { nullable: true })
  async parent(@Parent() pmo: Pmo, @RequestLoaders() loaders: Loaders): Promise<Pmo | null> {
    if (!pmo.parentId) return null;
    return toPmoView(await loaders.entity(PMO_KIND, pmo.asOf).load(pmo.parentId), pmo.asOf);
  }

  @ResolveField(() => [Pmo])
  children(@Parent() pmo: Pmo): Promise<Pmo[]> {
    return this.reader.children(pmo.asOf, pmo.id);
  }

  /** A mutation answers the PMO as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof PMO>>): Pmo {
    return found(toPmoView(view, null), 'PMO', id, 'pmoId');
  }
}
