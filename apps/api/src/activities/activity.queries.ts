import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ActivityState } from '@throughline/domain';
import { AlignmentReader, type EntityRecord } from '@throughline/read-models';
import { ACTIVITY_KIND, isEntityId } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { ActivityStatus } from '../graphql/enums';
import type { Activity, Contribution } from './activity.types';
import { ActivityViews } from './activity-views';
import { toActivityView } from './activity.view';

export class ActivityQuery {
  constructor(readonly activityId: string, readonly asOf: string | null) {}
}

export class PlanActivitiesQuery {
  constructor(readonly planId: string, readonly status: ActivityStatus | null, readonly asOf: string | null) {}
}

/** The links in force to one objective. */
export class ObjectiveContributionsQuery {
  constructor(readonly objectiveId: string, readonly pmoId: string, readonly asOf: string | null) {}
}

@QueryHandler(ActivityQuery)
export class ActivityQueryHandler implements IQueryHandler<ActivityQuery, Activity | null> {
  constructor(private readonly reader: EntityReader, private readonly views: ActivityViews) {}

  async execute({ activityId, asOf }: ActivityQuery): Promise<Activity | null> {
    if (!isEntityId(activityId)) return null;
    return this.views.one(await this.reader.get<ActivityState>(ACTIVITY_KIND, activityId.toLowerCase(), asOf), asOf);
  }
}

@QueryHandler(PlanActivitiesQuery)
export class PlanActivitiesQueryHandler implements IQueryHandler<PlanActivitiesQuery, Activity[]> {
  constructor(private readonly reader: EntityReader, private readonly views: ActivityViews) {}

  async execute({ planId, status, asOf }: PlanActivitiesQuery): Promise<Activity[]> {
    const records = await this.reader.list<ActivityState>(ACTIVITY_KIND, { parentId: planId }, asOf);
    // Filtered on the view: the status clients see is derived, not the stored one.
    return this.views
      .many(records, asOf)
      .filter((a): a is Activity => a !== null && (status === null || a.status === status));
  }
}

@QueryHandler(ObjectiveContributionsQuery)
export class ObjectiveContributionsQueryHandler implements IQueryHandler<ObjectiveContributionsQuery, Contribution[]> {
  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
  ) {}

  async execute({ objectiveId, asOf }: ObjectiveContributionsQuery): Promise<Contribution[]> {
    // The link index names the few activities linked to the objective, so only those are read,
    // not every activity of the PMO; their own state gives the rationale and when each link was made.
    const linked = new Set(this.alignment.linksOfObjective(objectiveId, asOf).filter((l) => l.endedOn === null).map((l) => l.activityId));
    const records = (await this.reader.getMany<ActivityState>(ACTIVITY_KIND, [...linked], asOf))
      .filter((r): r is EntityRecord<ActivityState> => r !== null)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.entityId < b.entityId ? -1 : 1));
    return records.flatMap((r) => toActivityView(r, asOf, 0)?.contributions.filter((c) => c.objectiveId === objectiveId) ?? []);
  }
}

export const ACTIVITY_QUERY_HANDLERS = [ActivityQueryHandler, PlanActivitiesQueryHandler, ObjectiveContributionsQueryHandler];
