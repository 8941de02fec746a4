import { Injectable } from '@nestjs/common';
import type { ActivityState } from '@throughline/domain';
import { AlignmentReader, type EntityRecord } from '@throughline/read-models';
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
  many(records: readonly (EntityRecord<ActivityState> | null)[], asOf: string | null, { withHours = true } = {}): (Activity | null)[] {
    const ids = withHours ? records.flatMap((r) => (r ? [r.entityId] : [])) : [];
    const hours = ids.length > 0 ? this.alignment.hoursLoggedByActivity(ids, asOf) : new Map<string, number>();
    return records.map((r) => toActivityView(r, asOf, r ? (hours.get(r.entityId) ?? 0) : 0));
  }

  one(record: EntityRecord<ActivityState> | null, asOf: string | null, options: { withHours?: boolean } = {}): Activity | null {
    return this.many([record], asOf, options)[0] ?? null;
  }
}
