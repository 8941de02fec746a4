import { Injectable } from '@nestjs/common';
import { ActivityViews } from '../activities/activity-views';
import type { Activity } from '../activities/activity.types';
import { Clock } from '../common/clock';
import { ACTIVITY_KIND, OBJECTIVE_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Objective } from '../objectives/objective.types';
import { toObjectiveView } from '../objectives/objective.view';

/** Turns lists of ids from the alignment read model into views, as of one instant, in one read each. */
@Injectable()
export class EntityViews {
  constructor(
    private readonly reader: EntityReader,
    private readonly activities: ActivityViews,
    private readonly clock: Clock,
  ) {}

  async objectives(ids: readonly string[], asOf: string | null): Promise<Map<string, Objective>> {
    const today = this.clock.today();
    const records = await this.reader.getMany(OBJECTIVE_KIND, [...new Set(ids)], asOf);
    const views = records.map((r) => toObjectiveView(r, asOf, today)).filter((o): o is Objective => o !== null);
    return new Map(views.map((o) => [o.id, o]));
  }

  async activityList(ids: readonly string[], asOf: string | null, withHours = true): Promise<Activity[]> {
    if (ids.length === 0) return [];
    const records = await this.reader.getMany(ACTIVITY_KIND, ids, asOf);
    return this.activities.many(records, asOf, { withHours }).filter((a): a is Activity => a !== null);
  }
}
