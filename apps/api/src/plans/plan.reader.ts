import { Inject, Injectable } from '@nestjs/common';
import { planVersionOf, type ExistingPlanView } from '@throughline/domain';
import type { EventStore } from '@throughline/event-store';
import { PLAN_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { isEntityId } from '@throughline/runtime';
import { EVENT_STORE } from '../common/tokens';
import { approvalRecordedAt } from './approval-instant';
import type { BusinessPlan } from './plan.types';
import { toApprovedVersionView, toPlanView } from './plan.view';

/** Business plans as the API shows them, now or as of an instant. */
@Injectable()
export class PlanReader {
  constructor(
    private readonly reader: EntityReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * A plan at its latest version, or at `version` when one is asked for; read through the
   * request's loaders, which the permission check shares.
   */
  async get(loaders: Loaders, planId: string, asOf: string | null, version: number | null = null): Promise<BusinessPlan | null> {
    if (!isEntityId(planId)) return null;
    const id = planId.toLowerCase();
    const record = await loaders.entity(PLAN_KIND, asOf).load(id);
    if (version === null || !record || record.status === 'NONE') return toPlanView(record, asOf);
    const shown = await this.version(id, record, version, asOf);
    // A version asked for is an answer of its own, whatever instant its content was read as of.
    return shown && { ...shown, snapshot: { version, asOf } };
  }

  private async version(id: string, record: ExistingPlanView, version: number, asOf: string | null): Promise<BusinessPlan | null> {
    const known = planVersionOf(record, version);
    if (!known) return null;
    // A version never approved is only ever the latest one (a new version opens from an approved one).
    if (known.approvedAt === null) return version === record.version ? toPlanView(record, asOf) : null;
    const approvalInstant = await approvalRecordedAt(this.store, id, version);
    if (!approvalInstant) return null;
    const atApproval = await this.reader.get(PLAN_KIND, id, approvalInstant);
    return atApproval ? toApprovedVersionView(atApproval, approvalInstant, record, version) : null;
  }

  async ofPmo(pmoId: string, asOf: string | null): Promise<BusinessPlan[]> {
    const records = await this.reader.list(PLAN_KIND, { pmoId }, asOf);
    return records.map((r) => toPlanView(r, asOf)).filter((p): p is BusinessPlan => p !== null);
  }
}
