import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { NotFoundError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { ACTIVITY_KIND, OBJECTIVE_KIND } from '@throughline/runtime';
import type { Loaders } from '../common/loaders';
import type { GraphQLRequestContext } from '../common/request-context';
import { Objective } from '../objectives/objective.types';
import { toObjectiveView } from '../objectives/objective.view';
import { ActivityReader } from './activity.reader';
import { Activity, Contribution, ContributionPeriod } from './activity.types';
import { ActivityViews } from './activity-views';
import { selectsAny, selectsOnly } from '../graphql/selection';

/** The activity fields that need the hours logged against it (status: IN_PROGRESS is derived from them). */
const HOURS_FIELDS = ['hoursLogged', 'status'] as const;

/** What a contribution read with its activity's title answers of the activity without reading it. */
const TITLE_FIELDS = ['id', 'title', '__typename'] as const;

const objectiveOf = async (loaders: Loaders, clock: Clock, link: { objectiveId: string; asOf: string | null }): Promise<Objective> => {
  const record = await loaders.entity(OBJECTIVE_KIND, link.asOf).load(link.objectiveId);
  const objective = toObjectiveView(record, link.asOf, clock.today());
  if (!objective) throw new NotFoundError('objective', link.objectiveId);
  return objective;
};

/*
 * These fields are resolved once for every contribution of an answer, so they take GraphQL's own
 * (parent, args, context, info) instead of parameter decorators: a field resolver without any is
 * called directly, while one with them passes each value through Nest's pipes on every call.
 */

@Resolver(() => Contribution)
export class ContributionResolver {
  constructor(private readonly clock: Clock, private readonly views: ActivityViews) {}

  @ResolveField(() => Objective)
  objective(contribution: Contribution, _args: unknown, { loaders }: GraphQLRequestContext): Promise<Objective> {
    return objectiveOf(loaders, this.clock, contribution);
  }

  @ResolveField(() => Activity)
  activity(contribution: Contribution, _args: unknown, context: GraphQLRequestContext, info: GraphQLResolveInfo): Activity | Promise<Activity> {
    const { activityTitle: title } = contribution;
    if (title !== undefined && selectsOnly(info, TITLE_FIELDS)) {
      // Only `id` and `title` are read from it (resolveNodeIds reads `id` and `asOf`).
      return { id: contribution.activityId, title, asOf: contribution.asOf } as Activity;
    }
    return this.loadedActivity(contribution, context, info);
  }

  private async loadedActivity(contribution: Contribution, { loaders }: GraphQLRequestContext, info: GraphQLResolveInfo): Promise<Activity> {
    const record = await loaders.entity(ACTIVITY_KIND, contribution.asOf).load(contribution.activityId);
    const activity = this.views.one(record, contribution.asOf, { withHours: selectsAny(info, HOURS_FIELDS) });
    if (!activity) throw new NotFoundError('activity', contribution.activityId);
    return activity;
  }
}

@Resolver(() => ContributionPeriod)
export class ContributionPeriodResolver {
  constructor(private readonly clock: Clock) {}

  @ResolveField(() => Objective)
  objective(period: ContributionPeriod, _args: unknown, { loaders }: GraphQLRequestContext): Promise<Objective> {
    return objectiveOf(loaders, this.clock, period);
  }
}

/** Objective.contributions lives with the activities, which hold the links. */
@Resolver(() => Objective)
export class ObjectiveContributionsResolver {
  constructor(private readonly reader: ActivityReader) {}

  @ResolveField(() => [Contribution], { description: 'the links in force from activities to this objective' })
  contributions(objective: Objective, _args: unknown, { loaders }: GraphQLRequestContext): Contribution[] | Promise<Contribution[]> {
    return this.reader.contributionsTo(loaders, objective.id, objective.asOf);
  }
}
