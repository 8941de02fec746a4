import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { PMO_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, feedbackAt, pmoAt } from '../auth/scopes';
import { AggregateLoader } from '../common/aggregate-loader';
import { FEEDBACK, PMO, type ViewOf } from '../common/aggregates';
import { Clock } from '../common/clock';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import { found } from '../common/existing';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { FeedbackStatus } from '../graphql/enums';
import { DateTimeScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { RaiseFeedbackInput, ResolveFeedbackInput } from './feedback.inputs';
import { FeedbackReader } from './feedback.reader';
import { FeedbackSnapshots } from './feedback.snapshots';
import { Feedback } from './feedback.types';
import { toFeedbackView } from './feedback.view';
import { StandardLookup } from './standard-lookup';
import { Standard } from '../standards/standard.types';

type FeedbackArgs<I> = { readonly input: I };

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

interface FeedbackItemsArgs {
  readonly toPmoId?: string | null;
  readonly fromPmoId?: string | null;
}

@Resolver(() => Feedback)
export class FeedbackResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly reader: FeedbackReader,
    private readonly snapshots: FeedbackSnapshots,
    private readonly loader: AggregateLoader,
    private readonly standards: StandardLookup,
    private readonly clock: Clock,
  ) {}

  @Query(() => Feedback, { nullable: true })
  @Requires('organisation.read', feedbackAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(FEEDBACK, (a: { id: string }) => a.id, 'id'))
  feedback(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Feedback | null> {
    return this.reader.get(loaders, id, asOf ?? null);
  }

  @Query(() => [Feedback], { description: 'feedback to a PMO, from a PMO, in a status, or all of it; oldest first' })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(PMO, (a: FeedbackItemsArgs) => a.toPmoId, 'toPmoId'), idOf(PMO, (a: FeedbackItemsArgs) => a.fromPmoId, 'fromPmoId'))
  feedbackItems(
    @Args('toPmoId', { type: () => ID, nullable: true }) toPmoId?: string | null,
    @Args('fromPmoId', { type: () => ID, nullable: true }) fromPmoId?: string | null,
    @Args('status', { type: () => FeedbackStatus, nullable: true }) status?: FeedbackStatus | null,
  ): Promise<Feedback[]> {
    return this.reader.list({ toPmoId, fromPmoId, status });
  }

  @Mutation(() => Feedback)
  @Requires('feedback.raise', pmoAt((a: FeedbackArgs<RaiseFeedbackInput>) => a.input.fromPmoId, 'fromPmoId'))
  async raiseFeedback(@Args('input') input: RaiseFeedbackInput, @Caller() caller: RequestContext): Promise<Feedback> {
    const { folds } = caller;
    const from = await this.snapshots.lineage(input.fromPmoId, 'fromPmoId', folds);
    const toPmoId = await this.snapshots.existingPmo(input.toPmoId, 'toPmoId', folds);
    const standard = given(input.standardId) ? await this.snapshots.standard(input.standardId, 'standardId') : null;
    return this.shown(
      await this.commands.execute(
        new DecideCommand(FEEDBACK, NEW_ENTITY, input, caller, (feedbackId) => ({
          type: 'RaiseFeedback',
          feedbackId,
          from,
          toPmoId,
          standard,
          subject: input.subject,
          body: input.body,
        })),
      ),
    );
  }

  @Mutation(() => Feedback)
  @Requires('feedback.resolve', feedbackAt((a: FeedbackArgs<ResolveFeedbackInput>) => a.input.feedbackId, 'feedbackId'))
  async resolveFeedback(@Args('input') input: ResolveFeedbackInput, @Caller() caller: RequestContext): Promise<Feedback> {
    const { state } = await this.loader.existing(FEEDBACK, input.feedbackId, 'feedbackId', caller.folds);
    // Only a revision is judged against the standard, so only then is it looked up.
    const standard = given(input.standardVersion) ? await this.snapshots.standardOf(state.standardId) : null;
    const deviationId = given(input.deviationId) ? requireEntityId(input.deviationId, 'deviationId') : null;
    // The resolution is the reason of the change, as the history and the audit log show it.
    const withReason = { ...input, reason: input.resolution };
    return this.shown(
      await this.commands.execute(
        new DecideCommand(FEEDBACK, { id: input.feedbackId, field: 'feedbackId' }, withReason, caller, (feedbackId) => ({
          type: 'ResolveFeedback',
          feedbackId,
          outcome: input.outcome,
          standard,
          standardVersion: input.standardVersion ?? null,
          deviationId,
          resolution: input.resolution,
        })),
      ),
    );
  }

  @ResolveField(() => Pmo, { name: 'from' })
  async fromPmo(@Parent() feedback: Feedback, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return this.pmo(loaders, feedback.fromPmoId, feedback.asOf);
  }

  @ResolveField(() => Pmo, { name: 'to' })
  async toPmo(@Parent() feedback: Feedback, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return this.pmo(loaders, feedback.toPmoId, feedback.asOf);
  }

  /** Through the standards' lookup, as of the feedback's own instant. */
  @ResolveField(() => Standard, { nullable: true })
  standard(@Parent() feedback: Feedback, @RequestLoaders() loaders: Loaders): Promise<Standard | null> {
    return feedback.standardId === null ? Promise.resolve(null) : this.standards.shown(loaders, feedback.standardId, feedback.asOf);
  }

  private async pmo(loaders: Loaders, pmoId: string, asOf: string | null): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, asOf).load(pmoId), asOf), 'PMO', pmoId);
  }

  /** A mutation answers the feedback as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof FEEDBACK>>): Feedback {
    return found(toFeedbackView(view, null, this.clock.today()), 'feedback', id, 'feedbackId');
  }
}
