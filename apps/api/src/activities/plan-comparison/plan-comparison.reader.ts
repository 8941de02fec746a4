import { Inject, Injectable } from '@nestjs/common';
import { planVersionOf, type ActivityView } from '@throughline/domain';
import type { EventStore } from '@throughline/event-store';
import { InputError, NotFoundError } from '../../common/app-errors';
import { ACTIVITY_KIND, PLAN_KIND, CATEGORY, isEntityId, streamId } from '@throughline/runtime';
import { EntityReader } from '../../common/entity-reader';
import { EVENT_STORE } from '../../common/tokens';
import { approvalRecordedAt } from '../../plans/approval-instant';
import { toPlanView } from '../../plans/plan.view';
import { ActivityViews } from '../activity-views';
import { activityChanges, type ActivityFieldChange } from './activity-changes';
import type { PlanComparison } from './plan-comparison.types';

const inBaseline = (view: ActivityView | null): boolean => view !== null && view.status !== 'NONE' && view.status !== 'CANCELLED';

/**
 * Compares a plan's activities as of an instant (now by default) with the baseline: the same
 * activities as of the instant their version was approved. Each activity's stream is read once,
 * and only the plan's own activities are folded.
 */
@Injectable()
export class PlanComparisonReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly views: ActivityViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async compare(planId: string, baselineVersion: number, asOf: string | null): Promise<PlanComparison> {
    const id = planId.toLowerCase();
    const record = isEntityId(planId) ? await this.reader.get(PLAN_KIND, id, asOf) : null;
    const plan = toPlanView(record, asOf);
    if (!record || !plan) throw new NotFoundError('business plan', planId, 'planId');
    const baselineApprovedAt =
      planVersionOf(record, baselineVersion)?.approvedAt != null ? await approvalRecordedAt(this.store, id, baselineVersion) : null;
    if (!baselineApprovedAt) {
      throw new InputError('baselineVersion', `version ${baselineVersion} of business plan ${id} was not approved${asOf ? ` as of ${asOf}` : ''}, so it is no baseline`);
    }

    const current = await this.reader.list(ACTIVITY_KIND, { parentId: id }, asOf);
    const baseline = await this.reader.getMany(ACTIVITY_KIND, current.map((v) => v.activityId), baselineApprovedAt);
    const views = this.views.many(current, asOf);

    const comparison: PlanComparison = { plan, baselineVersion, baselineApprovedAt, asOf, added: [], removed: [], changed: [] };
    for (const [n, now] of current.entries()) {
      const view = views[n];
      if (!view) continue;
      const cancelled = now.status === 'CANCELLED';
      if (!inBaseline(baseline[n] ?? null)) {
        if (!cancelled) comparison.added.push(view);
      } else if (cancelled) {
        comparison.removed.push(view);
      } else {
        const changes = await this.changesSince(now.activityId, baselineApprovedAt, asOf);
        if (changes.length > 0) comparison.changed.push({ activity: view, changes });
      }
    }
    return comparison;
  }

  private async changesSince(activityId: string, since: string, until: string | null): Promise<ActivityFieldChange[]> {
    const events = await this.store.readStream(streamId(CATEGORY.activity, activityId), until ? { recordedAtOrBefore: until } : {});
    return activityChanges(
      events
        .filter((e) => e.metadata.recordedAt > since)
        .map((e) => ({ type: e.type, data: e.data, revision: e.revision, actor: e.metadata.actor, recordedAt: e.metadata.recordedAt, reason: e.metadata.reason ?? null })),
    );
  }
}

