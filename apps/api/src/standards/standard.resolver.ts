import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, pmoAt } from '../auth/scopes';
import { PMO, STANDARD, type ViewOf } from '../common/aggregates';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import { EntityReader } from '../common/entity-reader';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { isEntityId, PMO_KIND, STANDARD_KIND } from '@throughline/runtime';
import { OrganisationSnapshots } from './organisation.snapshots';
import { standardAt } from './standard.scopes';
import { PublishStandardInput, RetireStandardInput, ReviseStandardInput } from './standard.inputs';
import { Standard } from './standard.types';
import { toStandard } from './standard.views';

type Input<I> = { readonly input: I };

@Resolver(() => Standard)
export class StandardResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly snapshots: OrganisationSnapshots,
    private readonly reader: EntityReader,
  ) {}

  @Query(() => Standard, { nullable: true })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(STANDARD, (a: { id: string }) => a.id, 'id'))
  async standard(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Standard | null> {
    if (!isEntityId(id)) return null;
    return toStandard(await loaders.entity(STANDARD_KIND, asOf ?? null).load(id.toLowerCase()), asOf ?? null);
  }

  @Query(() => [Standard], { description: "standards by title, only one PMO's when publisherPmoId is given" })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(PMO, (a: { publisherPmoId?: string | null }) => a.publisherPmoId, 'publisherPmoId'))
  async standards(
    @Args('publisherPmoId', { type: () => ID, nullable: true }) publisherPmoId?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Standard[]> {
    const views = await this.reader.list(STANDARD_KIND, publisherPmoId ? { pmoId: publisherPmoId.toLowerCase() } : {}, asOf ?? null);
    return views
      .map((view) => toStandard(view, asOf ?? null))
      .filter((s): s is Standard => s !== null)
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  @Mutation(() => Standard)
  @Requires('standard.manage', pmoAt((a: Input<PublishStandardInput>) => a.input.publisherPmoId, 'publisherPmoId'))
  async publishStandard(@Args('input') input: PublishStandardInput, @Caller() caller: RequestContext): Promise<Standard> {
    const publisher = await this.snapshots.pmo(input.publisherPmoId, 'publisherPmoId', caller.folds);
    return this.shown(
      await this.commands.execute(
        new DecideCommand(STANDARD, NEW_ENTITY, input, caller, (standardId) => ({
          type: 'PublishStandard',
          standardId,
          publisher,
          kind: input.kind,
          title: input.title,
          summary: input.summary,
          appliesTo: input.appliesTo,
          effectiveFrom: input.effectiveFrom,
          adoptionDueOn: input.adoptionDueOn,
          maxDeviationDays: input.maxDeviationDays ?? null,
        })),
      ),
    );
  }

  @Mutation(() => Standard, { description: 'makes the next version; earlier versions stay readable' })
  @Requires('standard.manage', standardAt((a: Input<ReviseStandardInput>) => a.input.standardId, 'standardId'))
  async reviseStandard(@Args('input') input: ReviseStandardInput, @Caller() caller: RequestContext): Promise<Standard> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(STANDARD, { id: input.standardId, field: 'standardId' }, input, caller, (standardId) => ({
          type: 'ReviseStandard',
          standardId,
          summary: input.summary,
          effectiveFrom: input.effectiveFrom,
          adoptionDueOn: input.adoptionDueOn,
          reason: input.reason,
          // Absent keeps the cap; an explicit null lifts it.
          ...('maxDeviationDays' in input ? { maxDeviationDays: input.maxDeviationDays ?? null } : {}),
        })),
      ),
    );
  }

  @Mutation(() => Standard, { description: 'ends every obligation from today' })
  @Requires('standard.manage', standardAt((a: Input<RetireStandardInput>) => a.input.standardId, 'standardId'))
  async retireStandard(@Args('input') input: RetireStandardInput, @Caller() caller: RequestContext): Promise<Standard> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(STANDARD, { id: input.standardId, field: 'standardId' }, input, caller, (standardId) => ({
          type: 'RetireStandard',
          standardId,
          reason: input.reason,
        })),
      ),
    );
  }

  @ResolveField(() => Pmo, { description: 'the strategic (PORTFOLIO) PMO that sets it' })
  async publisher(@Parent() standard: Standard, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    const pmo = toPmoView(await loaders.entity(PMO_KIND, standard.asOf).load(standard.publisherPmoId), standard.asOf);
    return found(pmo, 'PMO', standard.publisherPmoId);
  }

  /** A mutation answers the standard as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof STANDARD>>): Standard {
    return found(toStandard(view, null), 'standard', id, 'standardId');
  }
}
