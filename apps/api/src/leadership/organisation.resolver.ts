import { Args, Query, Resolver } from '@nestjs/graphql';
import { dayOf } from '@throughline/domain';
import { Requires } from '../auth/requires';
import { callersPmos } from '../auth/scopes';
import { Clock } from '../common/clock';
import { Caller, type RequestContext } from '../common/request-context';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { OrganisationSummary } from './leadership.types';
import { OrganisationSummaries } from './organisation-summaries';

@Resolver()
export class OrganisationResolver {
  constructor(
    private readonly summaries: OrganisationSummaries,
    private readonly clock: Clock,
  ) {}

  @Query(() => OrganisationSummary, {
    description:
      'the whole organisation on a day (today by default, or the day of asOf) as known at asOf: one row per PMO the caller may read (ADMIN, LEADERSHIP and AUDITOR every PMO; PMO_HEAD and MEMBER their own)',
  })
  @Requires('organisation.summary', callersPmos)
  organisation(
    @Caller() caller: RequestContext,
    @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<OrganisationSummary> {
    const day = on ?? (asOf ? dayOf(asOf) : this.clock.today());
    return this.summaries.summary(caller.principal, day, asOf ?? null);
  }
}
