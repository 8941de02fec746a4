import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Activity } from '../activities/activity.types';
import { ActivityViews } from '../activities/activity-views';
import { Snapshots } from '../activities/activity.snapshots';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { personIn, pmoAt, workAt } from '../auth/scopes';
import { AggregateLoader } from '../common/aggregate-loader';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import { ACTIVITY, PMO, WORK, type ViewOf } from '../common/aggregates';
import { NEW_ENTITY, type Decided } from '../common/decide.command';
import { ACTIVITY_KIND, PMO_KIND } from '@throughline/runtime';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { CorrectWorkInput, LogWorkInput, RetractWorkInput } from './work.inputs';
import { WorkCommands } from './work.commands';
import { WorkReader } from './work.reader';
import { WorkEntry, WorkEntryConnection } from './work.types';
import { toWorkEntryView } from './work.view';

interface WorkEntriesArgs {
  readonly pmoId: string;
  readonly person?: string | null;
  readonly activityId?: string | null;
}

const narrowedTo = (person: string | null | undefined): string[] | null => {
  const named = personIn(person);
  return named ? [named] : null;
};

// A listing narrowed to one person concerns that person; an unnarrowed one concerns anyone.
const readingWork = pmoAt((a: WorkEntriesArgs) => a.pmoId, 'pmoId', { people: (_pmo, { args }) => narrowedTo(args.person) });
const workEntryIds = [idOf(PMO, (a: WorkEntriesArgs) => a.pmoId, 'pmoId'), idOf(ACTIVITY, (a: WorkEntriesArgs) => a.activityId, 'activityId')] as const;

@Resolver(() => WorkEntry)
export class WorkResolver {
  constructor(
    private readonly commands: WorkCommands,
    private readonly reader: WorkReader,
    private readonly views: ActivityViews,
    private readonly loader: AggregateLoader,
    private readonly snapshots: Snapshots,
  ) {}

  @Query(() => WorkEntry, { nullable: true, description: 'one work entry, retracted ones included' })
  @Requires('work.read', workAt((a: { id: string }) => a.id, 'id', { people: (entry) => [entry.person] }))
  @ExistingIds(idOf(WORK, (a: { id: string }) => a.id, 'id'))
  workEntry(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<WorkEntry | null> {
    return this.reader.get(loaders, id, asOf ?? null);
  }

  @Query(() => [WorkEntry], {
    description: "a PMO's work entries with workedOn from..to (inclusive), retracted ones left out, by day; RESULT_TOO_LARGE beyond the list cap",
    deprecationReason: 'use workEntriesConnection',
  })
  @Requires('work.read', readingWork)
  @ExistingIds(...workEntryIds)
  workEntries(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('person', { type: () => String, nullable: true }) person?: string | null,
    @Args('activityId', { type: () => ID, nullable: true }) activityId?: string | null,
  ): Promise<WorkEntry[]> {
    return this.reader.list({ pmoId, from, to, person, activityId });
  }

  @Query(() => WorkEntryConnection, {
    description: "a PMO's work entries with workedOn from..to (inclusive), retracted ones left out, by day and then id, a page at a time",
  })
  @Requires('work.read', readingWork)
  @ExistingIds(...workEntryIds)
  workEntriesConnection(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('person', { type: () => String, nullable: true }) person?: string | null,
    @Args('activityId', { type: () => ID, nullable: true }) activityId?: string | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
  ): Promise<Connection<WorkEntry>> {
    return this.reader.page({ pmoId, from, to, person, activityId }, { first, after, last, before });
  }

  @Mutation(() => WorkEntry)
  // Logged work is the caller's own unless the input names someone else, exactly as logWork decides.
  @Requires(
    'work.record',
    pmoAt((a: { input: LogWorkInput }) => a.input.pmoId, 'pmoId', {
      people: (_pmo, { args, principal }) => [personIn(args.input.person) ?? principal.subject],
    }),
  )
  async logWork(@Args('input') input: LogWorkInput, @Caller() caller: RequestContext): Promise<WorkEntry> {
    const { id: pmoId } = await this.loader.existing(PMO, input.pmoId, 'pmoId', caller.folds);
    const activity = input.activityId ? await this.snapshots.activity(input.activityId, caller.folds) : null;
    const person = input.person ?? caller.principal.subject;
    return this.shown(
      await this.commands.run(NEW_ENTITY, input, caller, (workEntryId) => ({
        type: 'LogWork',
        workEntryId,
        pmoId,
        person,
        workedOn: input.workedOn,
        hours: input.hours,
        description: input.description,
        activity,
      })),
    );
  }

  @Mutation(() => WorkEntry)
  // A correction concerns the person the entry is of and the person it ends up with.
  @Requires(
    'work.record',
    workAt((a: { input: CorrectWorkInput }) => a.input.workEntryId, 'workEntryId', {
      people: (entry, { args }) => [entry.person, personIn(args.input.person) || entry.person],
    }),
  )
  async correctWork(@Args('input') input: CorrectWorkInput, @Caller() caller: RequestContext): Promise<WorkEntry> {
    // NOT_FOUND on workEntryId before the activity is looked at.
    await this.loader.existing(WORK, input.workEntryId, 'workEntryId', caller.folds);
    // GraphQL tells an omitted field (keep the activity) from an explicit null (detach it).
    const activityGiven = 'activityId' in input && input.activityId !== undefined;
    const activity = !activityGiven ? undefined : input.activityId ? await this.snapshots.activity(input.activityId, caller.folds) : null;
    return this.shown(
      await this.commands.run({ id: input.workEntryId, field: 'workEntryId' }, input, caller, (workEntryId) => ({
        type: 'CorrectWork',
        workEntryId,
        person: input.person ?? null,
        workedOn: input.workedOn ?? null,
        hours: input.hours ?? null,
        description: input.description ?? null,
        ...(activity === undefined ? {} : { activity }),
        reason: input.reason,
      })),
    );
  }

  @Mutation(() => WorkEntry)
  @Requires('work.record', workAt((a: { input: RetractWorkInput }) => a.input.workEntryId, 'workEntryId', { people: (entry) => [entry.person] }))
  async retractWork(@Args('input') input: RetractWorkInput, @Caller() caller: RequestContext): Promise<WorkEntry> {
    return this.shown(
      await this.commands.run({ id: input.workEntryId, field: 'workEntryId' }, input, caller, (workEntryId) => ({
        type: 'RetractWork',
        workEntryId,
        reason: input.reason,
      })),
    );
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() entry: WorkEntry, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, entry.asOf).load(entry.pmoId), entry.asOf), 'PMO', entry.pmoId);
  }

  @ResolveField(() => Activity, { nullable: true })
  async activity(@Parent() entry: WorkEntry, @RequestLoaders() loaders: Loaders): Promise<Activity | null> {
    if (!entry.activityId) return null;
    return this.views.one(await loaders.entity(ACTIVITY_KIND, entry.asOf).load(entry.activityId), entry.asOf);
  }

  /** A mutation answers the entry as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof WORK>>): WorkEntry {
    return found(toWorkEntryView(view, null), 'work entry', id, 'workEntryId');
  }
}
