import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { planVersionOf, type ActivityState, type PlanState } from '@throughline/domain';
import type { EventStore } from '@throughline/event-store';
import type { EntityRecord } from '@throughline/read-models';
import { InputError, NotFoundError } from '../../common/app-errors';
import { ACTIVITY_KIND, PLAN_KIND, CATEGORY, isEntityId, streamId } from '@throughline/runtime';
import { EntityReader } from '../../common/entity-reader';
import { EVENT_STORE } from '../../common/tokens';
import { approvalRecordedAt } from '../../plans/approval-instant';
import { toPlanView } from '../../plans/plan.view';
import { ActivityViews } from '../activity-views';
import { activityChanges, type ActivityFieldChange } from './activity-changes';
import type { ActivityChangeKind, PlanComparison } from './plan-comparison.types';

export class PlanComparisonQuery {
  constructor(
    readonly planId: string,
    readonly baselineVersion: number,
    readonly asOf: string | null,
  ) {}
}

const inBaseline = (record: EntityRecord<ActivityState> | null): boolean =>
  record !== null && record.state.status !== 'NONE' && record.state.status !== 'CANCELLED';

/**
 * Compares a plan's activities as of an instant (now by default) with the baseline: the same
 * activities as of the instant their version was approved. Each activity's stream is read once,
 * and only the plan's own activities are folded.
 */
@QueryHandler(PlanComparisonQuery)
export class PlanComparisonQueryHandler implements IQueryHandler<PlanComparisonQuery, PlanComparison> {
  constructor(
    private readonly reader: EntityReader,
    private readonly views: ActivityViews,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ planId, baselineVersion, asOf }: PlanComparisonQuery): Promise<PlanComparison> {
    const id = planId.toLowerCase();
    const record = isEntityId(planId) ? await this.reader.get<PlanState>(PLAN_KIND, id, asOf) : null;
    const plan = toPlanView(record, asOf);
    if (!record || !plan) throw new NotFoundError('business plan', planId, 'planId');
    const baselineApprovedAt =
      planVersionOf(record.state, baselineVersion)?.approvedAt != null ? await approvalRecordedAt(this.store, id, baselineVersion) : null;
    if (!baselineApprovedAt) {
      throw new InputError('baselineVersion', `version ${baselineVersion} of business plan ${id} was not approved${asOf ? ` as of ${asOf}` : ''}, so it is no baseline`);
    }

    const current = await this.reader.list<ActivityState>(ACTIVITY_KIND, { parentId: id }, asOf);
    const baseline = await this.reader.getMany<ActivityState>(ACTIVITY_KIND, current.map((r) => r.entityId), baselineApprovedAt);
    const views = this.views.many(current, asOf);

    const comparison: PlanComparison = { plan, baselineVersion, baselineApprovedAt, asOf, added: [], removed: [], changed: [] };
    for (const [n, now] of current.entries()) {
      const view = views[n];
      if (!view) continue;
      const cancelled = now.state.status === 'CANCELLED';
      if (!inBaseline(baseline[n] ?? null)) {
        if (!cancelled) comparison.added.push(view);
      } else if (cancelled) {
        comparison.removed.push(view);
      } else {
        const changes = await this.changesSince(now.entityId, baselineApprovedAt, asOf);
        if (changes.length > 0) comparison.changed.push({ activity: view, changes: changes.map(asGraphQL) });
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

const asGraphQL = (change: ActivityFieldChange) => ({ ...change, kind: change.kind as ActivityChangeKind });
