import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PMO_KIND, WORK_KIND } from '@throughline/runtime';
import { can } from '../auth/authorize';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { PMO, SUPPORT_ENGAGEMENT } from '../common/aggregates';
import { engagementAt, everyPmo, pmoAt } from '../auth/scopes';
import type { Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { SupportStatus } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { WorkEntry } from '../work/work.types';
import { toWorkEntryView } from '../work/work.view';
import type { SupportEngagementView } from '@throughline/domain';
import { SupportErasures } from './support-erasure';
import { SupportCommands } from './support.commands';
import {
  CloseSupportEngagementInput,
  EraseSupportedPersonDataInput,
  OpenSupportEngagementInput,
  RecordQualificationInput,
  RecordSupportSessionInput,
  RenegotiateEngagementInput,
} from './support.inputs';
import { SupportReader } from './support.reader';
import { AssistanceReport, Qualification, SupportEngagement, SupportErasureReceipt, SupportSession } from './support.types';
import { SupportViews } from './support.views';

type Input<T> = { readonly input: T };
interface ReportArgs {
  readonly pmoId: string;
}

const pmoOf = async (loaders: Loaders, pmoId: string, asOf: string | null): Promise<Pmo> =>
  found(toPmoView(await loaders.entity(PMO_KIND, asOf).load(pmoId), asOf), 'PMO', pmoId);

@Resolver(() => SupportEngagement)
export class SupportResolver {
  constructor(
    private readonly commands: SupportCommands,
    private readonly erasures: SupportErasures,
    private readonly reader: SupportReader,
    private readonly views: SupportViews,
  ) {}

  @Query(() => [Qualification], { description: "a person's qualifications in the order recorded; everyone's without person" })
  @Requires('qualification.read', everyPmo)
  qualifications(@Args('person', { type: () => String, nullable: true }) person?: string | null): Promise<Qualification[]> {
    return this.reader.qualifications(person);
  }

  @Query(() => SupportEngagement, { nullable: true })
  @Requires('support.read', engagementAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(SUPPORT_ENGAGEMENT, (a: { id: string }) => a.id, 'id'))
  supportEngagement(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<SupportEngagement | null> {
    return this.reader.engagement(id, asOf ?? null);
  }

  @Query(() => [SupportEngagement], { description: "a PMO's support engagements, oldest first; of one status when given" })
  @Requires('support.read', pmoAt((a: ReportArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: ReportArgs) => a.pmoId, 'pmoId'))
  supportEngagements(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('status', { type: () => SupportStatus, nullable: true }) status?: SupportStatus | null,
  ): Promise<SupportEngagement[]> {
    return this.reader.engagements(pmoId, status, null);
  }

  @Mutation(() => Qualification, { description: 'records that a person holds a COACH or COUNSELLOR qualification' })
  @Requires('qualification.record', everyPmo)
  async recordQualification(@Args('input') input: RecordQualificationInput, @Caller() caller: RequestContext): Promise<Qualification> {
    const { view } = await this.commands.recordQualification(input, caller);
    const all = this.views.qualifications(view);
    return found(all[all.length - 1] ?? null, 'qualification', input.person, 'person');
  }

  @Mutation(() => SupportEngagement, { description: 'opens a support engagement of a PMO with a person or another PMO' })
  @Requires('support.manage', pmoAt((a: Input<OpenSupportEngagementInput>) => a.input.pmoId, 'pmoId'))
  async openSupportEngagement(@Args('input') input: OpenSupportEngagementInput, @Caller() caller: RequestContext): Promise<SupportEngagement> {
    return this.shown(await this.commands.open(input, caller));
  }

  @Mutation(() => SupportEngagement, { description: 'records a session held; with activityId, also logs the hours as the supporter’s work entry' })
  @Requires(
    'support.session',
    engagementAt((a: Input<RecordSupportSessionInput>) => a.input.engagementId, 'engagementId', { people: (engagement) => [engagement.supporter] }),
  )
  async recordSupportSession(@Args('input') input: RecordSupportSessionInput, @Caller() caller: RequestContext): Promise<SupportEngagement> {
    return this.shown(await this.commands.recordSession(input, caller));
  }

  @Mutation(() => SupportEngagement, { description: 'changes goals, agreedUntil or willingToChange, with a reason; every version is kept in agreements' })
  @Requires('support.manage', engagementAt((a: Input<RenegotiateEngagementInput>) => a.input.engagementId, 'engagementId'))
  async renegotiateEngagement(@Args('input') input: RenegotiateEngagementInput, @Caller() caller: RequestContext): Promise<SupportEngagement> {
    return this.shown(await this.commands.renegotiate(input, caller));
  }

  @Mutation(() => SupportEngagement, { description: 'closes an engagement once, with an outcome and a reason' })
  @Requires('support.manage', engagementAt((a: Input<CloseSupportEngagementInput>) => a.input.engagementId, 'engagementId'))
  async closeSupportEngagement(@Args('input') input: CloseSupportEngagementInput, @Caller() caller: RequestContext): Promise<SupportEngagement> {
    return this.shown(await this.commands.close(input, caller));
  }

  @Mutation(() => SupportErasureReceipt, {
    description: "forgets a supported person's data everywhere (their name on engagements, every session's notes); erasing again answers the first erasure's receipt",
  })
  @Requires('support.erase', everyPmo)
  eraseSupportedPersonData(@Args('input') input: EraseSupportedPersonDataInput, @Caller() caller: RequestContext): Promise<SupportErasureReceipt> {
    return this.erasures.erase(input, caller);
  }

  @ResolveField(() => Pmo)
  pmo(@Parent() engagement: SupportEngagement, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return pmoOf(loaders, engagement.pmoId, engagement.asOf);
  }

  @ResolveField(() => Pmo, { nullable: true, description: 'another PMO supported (PMOs coaching PMOs)' })
  async supportedPmo(@Parent() engagement: SupportEngagement, @RequestLoaders() loaders: Loaders): Promise<Pmo | null> {
    return engagement.supportedPmoId ? pmoOf(loaders, engagement.supportedPmoId, engagement.asOf) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'a person supported (a project manager, say); null once their data is erased' })
  supportedPerson(@Parent() engagement: SupportEngagement): Promise<string | null> {
    return this.views.supportedPerson(engagement);
  }

  @ResolveField(() => [SupportSession], { description: 'every session, in the order recorded' })
  sessions(@Parent() engagement: SupportEngagement): SupportSession[] {
    return engagement.sessionList;
  }

  /** A mutation answers the engagement as its own command folded it. */
  private shown({ id, view }: Decided<SupportEngagementView>): SupportEngagement {
    return found(this.views.engagement(view, null), 'support engagement', id, 'engagementId');
  }
}

@Resolver(() => SupportSession)
export class SupportSessionResolver {
  constructor(private readonly views: SupportViews) {}

  @ResolveField(() => String, { nullable: true, description: 'COUNSELLOR notes are readable by the supporter alone; null for everyone else, and once the supported person is erased' })
  notes(@Parent() session: SupportSession, @Caller() caller: RequestContext): Promise<string | null> {
    return this.views.notes(session, caller.principal.subject);
  }

  @ResolveField(() => WorkEntry, { nullable: true, description: 'the supporter’s work entry for the hours (when the caller may read that person’s work: work.read)' })
  async workEntry(@Parent() session: SupportSession, @RequestLoaders() loaders: Loaders, @Caller() caller: RequestContext): Promise<WorkEntry | null> {
    if (!session.workEntryId) return null;
    const entry = toWorkEntryView(await loaders.entity(WORK_KIND, session.asOf).load(session.workEntryId), session.asOf);
    return entry && can(caller.principal, 'work.read', { pmoId: entry.pmoId, people: [entry.person] }) ? entry : null;
  }
}

@Resolver(() => AssistanceReport)
export class AssistanceReportResolver {
  constructor(private readonly reader: SupportReader) {}

  @Query(() => AssistanceReport, { description: "a PMO's assistance over from..to (inclusive), as known at asOf" })
  @Requires('support.read', pmoAt((a: ReportArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: ReportArgs) => a.pmoId, 'pmoId'))
  assistanceReport(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<AssistanceReport> {
    return this.reader.report(pmoId, from, to, asOf ?? null);
  }

  @ResolveField(() => Pmo)
  pmo(@Parent() report: AssistanceReport, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return pmoOf(loaders, report.pmoId, report.asOf);
  }
}
