import { Injectable } from '@nestjs/common';
import type { ActivityView, ExistingActivityView } from '@throughline/domain';
import { AlignmentReader, ObjectiveContributionsReader, type EntityKey } from '@throughline/read-models';
import { ACTIVITY_KIND } from '@throughline/runtime';
import { connectionOf, ListCap, type Connection, type Keyset, type PageArgs } from '../common/connections';
import { entityKeyset } from '../common/entity-keyset';
import { EntityReader, type Existing } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { isEntityId } from '@throughline/runtime';
import type { ActivityStatus } from '../graphql/enums';
import type { Activity, Contribution } from './activity.types';
import { ActivityViews } from './activity-views';
import { contributionsOf } from './activity.view';

/** Activities as the API shows them, now or as of an instant. */
@Injectable()
export class ActivityReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
    private readonly contributions: ObjectiveContributionsReader,
    private readonly views: ActivityViews,
    private readonly cap: ListCap,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, activityId: string, asOf: string | null): Promise<Activity | null> {
    if (!isEntityId(activityId)) return null;
    return this.views.one(await loaders.entity(ACTIVITY_KIND, asOf).load(activityId.toLowerCase()), asOf);
  }

  ofPlan(planId: string, status: ActivityStatus | null, asOf: string | null): Promise<Activity[]> {
    return this.cap.list(this.ofPlanKeyset(planId, status, asOf), 'activities', 'activitiesConnection');
  }

  ofPlanPage(planId: string, status: ActivityStatus | null, asOf: string | null, args: PageArgs): Promise<Connection<Activity>> {
    return connectionOf(this.ofPlanKeyset(planId, status, asOf), args);
  }

  private ofPlanKeyset(planId: string, status: ActivityStatus | null, asOf: string | null): Keyset<EntityKey, Activity> {
    return entityKeyset(this.reader, {
      cursor: 'activities',
      kind: ACTIVITY_KIND,
      filter: { parentId: planId },
      asOf,
      // Filtered on the view: the status clients see is derived (IN_PROGRESS is work logged), not the stored one.
      narrows: status !== null,
      nodes: (views: readonly Existing<ActivityView>[]) => this.views.many(views, asOf).map((a) => (a !== null && (status === null || a.status === status) ? a : null)),
    });
  }

  /**
   * The links in force to one objective. Read through the request's loaders: a client that asks
   * for each contribution's activity then gets the activity already read, not read again.
   */
  contributionsTo(loaders: Loaders, objectiveId: string, asOf: string | null): Contribution[] | Promise<Contribution[]> {
    if (asOf === null) {
      // Now, one statement answers the links with each activity's title: most clients ask no more of it.
      return this.contributions
        .openLinksTo(objectiveId)
        .map(({ activityId, activityTitle, rationale, weight, linkedAt, effectiveFrom }) => ({
          rationale,
          weight,
          linkedAt,
          effectiveFrom,
          objectiveId,
          activityId,
          activityTitle,
          asOf,
        }));
    }
    return this.contributionsFolded(loaders, objectiveId, asOf);
  }

  private async contributionsFolded(loaders: Loaders, objectiveId: string, asOf: string): Promise<Contribution[]> {
    // The link index names the few activities linked to the objective, so only those are read,
    // not every activity of the PMO; their own state gives the rationale and when each link was made.
    const linked = new Set(this.alignment.linksOfObjective(objectiveId, asOf).filter((l) => l.endedOn === null).map((l) => l.activityId));
    const activities = loaders.entity(ACTIVITY_KIND, asOf);
    const records = (await Promise.all([...linked].map((id) => activities.load(id))))
      .filter((v): v is ExistingActivityView => v !== null && v.status !== 'NONE')
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.activityId < b.activityId ? -1 : 1));
    // Only the links are needed here: the whole activity view is built when a client asks for `activity`.
    return records.flatMap((r) => contributionsOf(r, asOf).filter((c) => c.objectiveId === objectiveId));
  }
}
