import { Injectable } from '@nestjs/common';
import type { ActivitySnapshot, ObjectiveSnapshot, PlanSnapshot } from '@throughline/domain';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { ACTIVITY, OBJECTIVE, PLAN } from '../common/aggregates';

/**
 * The activity and work deciders judge other aggregates from snapshots; these fold them the way
 * commands do (the request's permission check may already have) and report a missing one as
 * NOT_FOUND on the input field that named it.
 */
@Injectable()
export class Snapshots {
  constructor(private readonly loader: AggregateLoader) {}

  async plan(value: string, field: string, folds: RequestFolds): Promise<PlanSnapshot> {
    const { id: planId, state } = await this.loader.existing(PLAN, value, field, folds);
    const { pmoId, status, periodStart, periodEnd } = state;
    return { planId, pmoId, status, periodStart, periodEnd };
  }

  /** The plan of an existing activity, which decides whether the activity may change. */
  async planOfActivity(activityId: string, folds: RequestFolds): Promise<PlanSnapshot> {
    const activity = await this.loader.existing(ACTIVITY, activityId, 'activityId', folds);
    return this.plan(activity.state.planId, 'activityId', folds);
  }

  async objective(value: string, field: string, folds: RequestFolds): Promise<ObjectiveSnapshot> {
    const { id: objectiveId, state } = await this.loader.existing(OBJECTIVE, value, field, folds);
    return { objectiveId, pmoId: state.pmoId, status: state.status };
  }

  async activity(value: string, folds: RequestFolds): Promise<ActivitySnapshot> {
    const { state } = await this.loader.existing(ACTIVITY, value, 'activityId', folds);
    const { activityId, pmoId, status } = state;
    return { activityId, pmoId, status };
  }
}
