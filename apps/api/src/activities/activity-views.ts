import { Injectable } from '@nestjs/common';
import type { ActivityView } from '@throughline/domain';
import { AlignmentReader } from '@throughline/read-models';
import type { Activity } from './activity.types';
import { toActivityView } from './activity.view';

/**
 * Builds activity views with the hours logged against them, which decide IN_PROGRESS: one
 * read-model query for a whole list, as of the same instant as the activities.
 */
@Injectable()
export class ActivityViews {
  constructor(private readonly alignment: AlignmentReader) {}

  /**
   * `withHours: false` skips summing the logged hours when the client reads neither `hoursLogged`
   * nor `status`: the sum runs over every work entry of the activity and dominates a query that
   * only wants an activity's title.
   */
  many(views: readonly (ActivityView | null)[], asOf: string | null, { withHours = true } = {}): (Activity | null)[] {
    const ids = withHours ? views.flatMap((v) => (v && v.status !== 'NONE' ? [v.activityId] : [])) : [];
    const hours = ids.length > 0 ? this.alignment.hoursLoggedByActivity(ids, asOf) : new Map<string, number>();
    return views.map((v) => toActivityView(v, asOf, v && v.status !== 'NONE' ? (hours.get(v.activityId) ?? 0) : 0));
  }

  one(record: ActivityView | null, asOf: string | null, options: { withHours?: boolean } = {}): Activity | null {
    return this.many([record], asOf, options)[0] ?? null;
  }
}
