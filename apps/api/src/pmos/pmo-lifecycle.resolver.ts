import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CatalogueKind } from '@throughline/domain';
import { PMO_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idsOf } from '../auth/existing-ids';
import { everyPmo, pmoAt } from '../auth/scopes';
import { AggregateLoader } from '../common/aggregate-loader';
import { PMO, type ViewOf } from '../common/aggregates';
import { InputError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { DecideCommand, type Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { LocalDateScalar } from '../graphql/scalars';
import { catalogueItems, common, onlyIn } from './pmo-catalogue';
import { PmoCatalogueChange, PmoCatalogueItem, PmoComparison } from './pmo-catalogue.types';
import { MergePmoInput, PmoCatalogueInput } from './pmo-lifecycle.inputs';
import { PmoMerger } from './pmo-merger';
import { PmoReader } from './pmo.reader';
import { Pmo } from './pmo.types';
import { toPmoView } from './pmo.view';
import { STANDARD_GAPS, type StandardGaps } from './standard-gaps';

type CatalogueArgs = { readonly input: PmoCatalogueInput };
const catalogueOf = pmoAt((a: CatalogueArgs) => a.input.pmoId, 'pmoId');

/** How many PMOs one comparison sets side by side. */
const COMPARISON_MAX = 50;

/** A PMO's life beyond its record: its catalogue, its merger and comparisons between PMOs. */
@Resolver(() => Pmo)
export class PmoLifecycleResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly loader: AggregateLoader,
    private readonly merger: PmoMerger,
    private readonly reader: PmoReader,
    private readonly clock: Clock,
    @Inject(STANDARD_GAPS) private readonly standardGaps: StandardGaps,
  ) {}

  @Mutation(() => Pmo, { description: 'the PMO offers a service from a day (today by default)' })
  @Requires('catalogue.manage', catalogueOf)
  declarePmoService(@Args('input') input: PmoCatalogueInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.changeCatalogue('DeclarePmoCatalogueItem', 'SERVICE', input, caller);
  }

  @Mutation(() => Pmo, { description: 'the PMO stops offering a service from a day (today by default)' })
  @Requires('catalogue.manage', catalogueOf)
  retirePmoService(@Args('input') input: PmoCatalogueInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.changeCatalogue('RetirePmoCatalogueItem', 'SERVICE', input, caller);
  }

  @Mutation(() => Pmo, { description: 'the PMO uses a tool from a day (today by default)' })
  @Requires('catalogue.manage', catalogueOf)
  declarePmoTool(@Args('input') input: PmoCatalogueInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.changeCatalogue('DeclarePmoCatalogueItem', 'TOOL', input, caller);
  }

  @Mutation(() => Pmo, { description: 'the PMO stops using a tool from a day (today by default)' })
  @Requires('catalogue.manage', catalogueOf)
  retirePmoTool(@Args('input') input: PmoCatalogueInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.changeCatalogue('RetirePmoCatalogueItem', 'TOOL', input, caller);
  }

  @Mutation(() => Pmo, {
    description:
      'ends a PMO on a day into another ACTIVE PMO of the same or a higher kind, which carries on its child PMOs, ACTIVE objectives and current plans with their non-cancelled activities; safe to retry with the same commandId',
  })
  @Requires('pmo.manage', pmoAt((a: { input: MergePmoInput }) => a.input.pmoId, 'pmoId'))
  async mergePmo(@Args('input') input: MergePmoInput, @Caller() caller: RequestContext): Promise<Pmo> {
    return this.shown(await this.merger.merge(input, caller));
  }

  @Query(() => PmoComparison, { description: 'two or more PMOs side by side on a day (today by default): their catalogues and standards' })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idsOf(PMO, (a: { pmoIds: readonly string[] }) => a.pmoIds, 'pmoIds'))
  async pmoComparison(
    @Args('pmoIds', { type: () => [ID] }) pmoIds: string[],
    @RequestLoaders() loaders: Loaders,
    @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null,
  ): Promise<PmoComparison> {
    const ids = [...new Set(pmoIds.map((id) => id.toLowerCase()))];
    if (ids.length < 2) throw new InputError('pmoIds', 'pmoIds must name at least two different PMOs');
    if (ids.length > COMPARISON_MAX) throw new InputError('pmoIds', `pmoIds may name at most ${COMPARISON_MAX} PMOs`);
    const day = on ?? this.clock.today();
    const pmos = await Promise.all(ids.map(async (id) => found(await this.reader.get(loaders, id, null), 'PMO', id, 'pmoIds')));
    const names = (kind: CatalogueKind) => pmos.map((pmo) => catalogueItems(pmo, kind, day).map((item) => item.name));
    const services = names('SERVICE');
    const tools = names('TOOL');
    const others = <T>(lists: T[], i: number) => lists.filter((_, j) => j !== i);
    const gaps = await this.standardGaps(ids, day);
    return {
      pmos,
      on: day,
      commonServices: common(services),
      commonTools: common(tools),
      only: pmos.map((pmo, i) => ({ pmo, services: onlyIn(services[i]!, others(services, i)), tools: onlyIn(tools[i]!, others(tools, i)) })),
      standardGaps: [...gaps],
    };
  }

  @ResolveField(() => Pmo, { nullable: true, description: 'the PMO it was merged into' })
  async successor(@Parent() pmo: Pmo, @RequestLoaders() loaders: Loaders): Promise<Pmo | null> {
    if (!pmo.successorId) return null;
    return toPmoView(await loaders.entity(PMO_KIND, pmo.asOf).load(pmo.successorId), pmo.asOf);
  }

  @ResolveField(() => [PmoCatalogueItem], { description: 'the services it offers now, or on the day given (what it had that day)' })
  services(@Parent() pmo: Pmo, @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null): PmoCatalogueItem[] {
    return catalogueItems(pmo, 'SERVICE', on ?? null).map(({ name, description, since }) => ({ name, description, since }));
  }

  @ResolveField(() => [PmoCatalogueItem], { description: 'the tools it uses now, or on the day given (what it had that day)' })
  tools(@Parent() pmo: Pmo, @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null): PmoCatalogueItem[] {
    return catalogueItems(pmo, 'TOOL', on ?? null).map(({ name, description, since }) => ({ name, description, since }));
  }

  @ResolveField(() => [PmoCatalogueChange], { description: 'every service and tool it ever had, each period with the day it started and stopped, in the order declared' })
  catalogueHistory(@Parent() pmo: Pmo): PmoCatalogueChange[] {
    return pmo.catalogue.map(({ catalogue, ...entry }) => ({ kind: catalogue, ...entry }));
  }

  private async changeCatalogue(
    type: 'DeclarePmoCatalogueItem' | 'RetirePmoCatalogueItem',
    catalogue: CatalogueKind,
    input: PmoCatalogueInput,
    caller: RequestContext,
  ): Promise<Pmo> {
    const { view } = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(PMO, { id: input.pmoId, field: 'pmoId' }, input, caller, (pmoId) => ({
          type,
          pmoId,
          catalogue,
          name: input.name,
          description: input.description ?? null,
          on: input.on ?? null,
          reason: input.reason ?? null,
          establishedOn: view.status === 'NONE' ? '0001-01-01' : view.establishedOn,
        })),
      ),
    );
  }

  private shown({ id, view }: Decided<ViewOf<typeof PMO>>): Pmo {
    return found(toPmoView(view, null), 'PMO', id, 'pmoId');
  }
}
