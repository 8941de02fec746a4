import { Injectable } from '@nestjs/common';
import type { ExistingActivityView } from '@throughline/domain';
import { AlignmentReader } from '@throughline/read-models';
import { ACTIVITY_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { isEntityId } from '@throughline/runtime';
import type { ActivityStatus } from '../graphql/enums';
import type { Activity, Contribution } from './activity.types';
import { ActivityViews } from './activity-views';
import { toActivityView } from './activity.view';

/** Activities as the API shows them, now or as of an instant. */
@Injectable()
export class ActivityReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
    private readonly views: ActivityViews,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, activityId: string, asOf: string | null): Promise<Activity | null> {
    if (!isEntityId(activityId)) return null;
    return this.views.one(await loaders.entity(ACTIVITY_KIND, asOf).load(activityId.toLowerCase()), asOf);
  }

  async ofPlan(planId: string, status: ActivityStatus | null, asOf: string | null): Promise<Activity[]> {
    const records = await this.reader.list(ACTIVITY_KIND, { parentId: planId }, asOf);
    // Filtered on the view: the status clients see is derived, not the stored one.
    return this.views.many(records, asOf).filter((a): a is Activity => a !== null && (status === null || a.status === status));
  }

  /**
   * The links in force to one objective. Read through the request's loaders: a client that asks
   * for each contribution's activity then gets the activity already read, not read again.
   */
  async contributionsTo(loaders: Loaders, objectiveId: string, asOf: string | null): Promise<Contribution[]> {
    // The link index names the few activities linked to the objective, so only those are read,
    // not every activity of the PMO; their own state gives the rationale and when each link was made.
    const linked = new Set(this.alignment.linksOfObjective(objectiveId, asOf).filter((l) => l.endedOn === null).map((l) => l.activityId));
    const activities = loaders.entity(ACTIVITY_KIND, asOf);
    const records = (await Promise.all([...linked].map((id) => activities.load(id))))
      .filter((v): v is ExistingActivityView => v !== null && v.status !== 'NONE')
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.activityId < b.activityId ? -1 : 1));
    return records.flatMap((r) => toActivityView(r, asOf, 0)?.contributions.filter((c) => c.objectiveId === objectiveId) ?? []);
  }
}
