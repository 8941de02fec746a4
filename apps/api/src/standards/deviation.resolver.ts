import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, pmoAt } from '../auth/scopes';
import { DEVIATION, PMO, STANDARD, type ViewOf } from '../common/aggregates';
import { Clock } from '../common/clock';
import { DecideCommand, type Decided } from '../common/decide.command';
import { EntityReader } from '../common/entity-reader';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DeviationStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { DEVIATION_KIND, isEntityId, PMO_KIND, STANDARD_KIND } from '@throughline/runtime';
import { DeviationRequests } from './deviation-requests';
import { OrganisationSnapshots } from './organisation.snapshots';
import { deviationAt, deviationPublisherAt } from './standard.scopes';
import { DecideDeviationInput, RequestDeviationInput } from './standard.inputs';
import { Deviation, Standard } from './standard.types';
import { toDeviation, toStandard } from './standard.views';

type Input<I> = { readonly input: I };
type Decision = 'ApproveDeviation' | 'RejectDeviation' | 'WithdrawDeviation';

interface DeviationsArgs {
  readonly standardId?: string | null;
  readonly pmoId?: string | null;
}

@Resolver(() => Deviation)
export class DeviationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly requests: DeviationRequests,
    private readonly snapshots: OrganisationSnapshots,
    private readonly reader: EntityReader,
    private readonly clock: Clock,
  ) {}

  @Query(() => Deviation, { nullable: true })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(DEVIATION, (a: { id: string }) => a.id, 'id'))
  async deviation(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Deviation | null> {
    if (!isEntityId(id)) return null;
    return toDeviation(await loaders.entity(DEVIATION_KIND, asOf ?? null).load(id.toLowerCase()), asOf ?? null, this.clock.today());
  }

  @Query(() => [Deviation], { description: 'deviations in the order asked, narrowed by standard, PMO and status (EXPIRED as of the day asked)' })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(STANDARD, (a: DeviationsArgs) => a.standardId, 'standardId'), idOf(PMO, (a: DeviationsArgs) => a.pmoId, 'pmoId'))
  async deviations(
    @Args('standardId', { type: () => ID, nullable: true }) standardId?: string | null,
    @Args('pmoId', { type: () => ID, nullable: true }) pmoId?: string | null,
    @Args('status', { type: () => DeviationStatus, nullable: true }) status?: DeviationStatus | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Deviation[]> {
    const filter = { ...(standardId ? { parentId: standardId.toLowerCase() } : {}), ...(pmoId ? { pmoId: pmoId.toLowerCase() } : {}) };
    const today = this.clock.today();
    return (await this.reader.list(DEVIATION_KIND, filter, asOf ?? null))
      .map((view) => toDeviation(view, asOf ?? null, today))
      .filter((d): d is Deviation => d !== null && (!status || d.status === status));
  }

  @Mutation(() => Deviation, { description: 'MINOR: in force at once; SIGNIFICANT: waits for approval' })
  @Requires('standard.adopt', pmoAt((a: Input<RequestDeviationInput>) => a.input.pmoId, 'pmoId'))
  async requestDeviation(@Args('input') input: RequestDeviationInput, @Caller() caller: RequestContext): Promise<Deviation> {
    const standard = await this.snapshots.standard(input.standardId, 'standardId', caller.folds);
    const pmo = await this.snapshots.pmo(input.pmoId, 'pmoId', caller.folds);
    return this.shown(await this.requests.request(input, standard, pmo, caller));
  }

  @Mutation(() => Deviation, { description: "by the head of the standard's publisher PMO or LEADERSHIP, never by whoever asked" })
  @Requires('deviation.decide', deviationPublisherAt((a: Input<DecideDeviationInput>) => a.input.deviationId, 'deviationId'))
  async approveDeviation(@Args('input') input: DecideDeviationInput, @Caller() caller: RequestContext): Promise<Deviation> {
    return this.decide('ApproveDeviation', input, caller);
  }

  @Mutation(() => Deviation, { description: "by the head of the standard's publisher PMO or LEADERSHIP, never by whoever asked" })
  @Requires('deviation.decide', deviationPublisherAt((a: Input<DecideDeviationInput>) => a.input.deviationId, 'deviationId'))
  async rejectDeviation(@Args('input') input: DecideDeviationInput, @Caller() caller: RequestContext): Promise<Deviation> {
    return this.decide('RejectDeviation', input, caller);
  }

  @Mutation(() => Deviation, { description: 'withdraws a request not yet decided' })
  @Requires('standard.adopt', deviationAt((a: Input<DecideDeviationInput>) => a.input.deviationId, 'deviationId'))
  async withdrawDeviation(@Args('input') input: DecideDeviationInput, @Caller() caller: RequestContext): Promise<Deviation> {
    return this.decide('WithdrawDeviation', input, caller);
  }

  @ResolveField(() => Standard)
  async standard(@Parent() deviation: Deviation, @RequestLoaders() loaders: Loaders): Promise<Standard> {
    const standard = toStandard(await loaders.entity(STANDARD_KIND, deviation.asOf).load(deviation.standardId), deviation.asOf);
    return found(standard, 'standard', deviation.standardId);
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() deviation: Deviation, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, deviation.asOf).load(deviation.pmoId), deviation.asOf), 'PMO', deviation.pmoId);
  }

  private async decide(type: Decision, input: DecideDeviationInput, caller: RequestContext): Promise<Deviation> {
    return this.shown(
      await this.commands.execute(
        new DecideCommand(DEVIATION, { id: input.deviationId, field: 'deviationId' }, input, caller, (deviationId) => ({ type, deviationId, reason: input.reason })),
      ),
    );
  }

  private shown({ id, view }: Decided<ViewOf<typeof DEVIATION>>): Deviation {
    return found(toDeviation(view, null, this.clock.today()), 'deviation', id, 'deviationId');
  }
}
