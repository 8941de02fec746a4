import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { planVersionOf, type PlanState } from '@throughline/domain';
import type { EventStore } from '@throughline/event-store';
import { PLAN_KIND, isEntityId } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import { EVENT_STORE } from '../common/tokens';
import { approvalRecordedAt } from './approval-instant';
import type { BusinessPlan } from './plan.types';
import { toApprovedVersionView, toPlanView } from './plan.view';

/** A plan at its latest version, or at `version` when one is asked for. */
export class PlanQuery {
  constructor(
    readonly planId: string,
    readonly asOf: string | null,
    readonly version: number | null = null,
  ) {}
}

export class PmoPlansQuery {
  constructor(readonly pmoId: string, readonly asOf: string | null) {}
}

@QueryHandler(PlanQuery)
export class PlanQueryHandler implements IQueryHandler<PlanQuery, BusinessPlan | null> {
  constructor(
    private readonly reader: EntityReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ planId, asOf, version }: PlanQuery): Promise<BusinessPlan | null> {
    if (!isEntityId(planId)) return null;
    const id = planId.toLowerCase();
    const record = await this.reader.get<PlanState>(PLAN_KIND, id, asOf);
    if (version === null || !record || record.state.status === 'NONE') return toPlanView(record, asOf);
    const known = planVersionOf(record.state, version);
    if (!known) return null;
    // A version never approved is only ever the latest one (a new version opens from an approved one).
    if (known.approvedAt === null) return version === record.state.version ? toPlanView(record, asOf) : null;
    const approvalInstant = await approvalRecordedAt(this.store, id, version);
    if (!approvalInstant) return null;
    const atApproval = await this.reader.get<PlanState>(PLAN_KIND, id, approvalInstant);
    return atApproval ? toApprovedVersionView(atApproval, approvalInstant, record.state, version) : null;
  }
}

@QueryHandler(PmoPlansQuery)
export class PmoPlansQueryHandler implements IQueryHandler<PmoPlansQuery, BusinessPlan[]> {
  constructor(private readonly reader: EntityReader) {}

  async execute({ pmoId, asOf }: PmoPlansQuery): Promise<BusinessPlan[]> {
    const records = await this.reader.list<PlanState>(PLAN_KIND, { pmoId }, asOf);
    return records.map((r) => toPlanView(r, asOf)).filter((p): p is BusinessPlan => p !== null);
  }
}

export const PLAN_QUERY_HANDLERS = [PlanQueryHandler, PmoPlansQueryHandler];
