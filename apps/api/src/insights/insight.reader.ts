import { Injectable } from '@nestjs/common';
import { communityContributions, insightDecisions, insightFunnel, type InsightDecision } from '@throughline/domain';
import { COMMUNITY_KIND, INSIGHT_KIND } from '@throughline/runtime';
import { requireWindow } from '../common/date-window';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { Community, Insight, InsightFunnel } from './insight.types';
import { toCommunity, toInsight } from './insight.views';

/** A PMO's communities and insights as the API shows them, now or as of an instant. */
@Injectable()
export class InsightReader {
  constructor(private readonly reader: EntityReader) {}

  /** The PMO's communities, oldest first, those it left included. */
  async communities(pmoId: string, asOf: string | null): Promise<Community[]> {
    const views = await this.reader.list(COMMUNITY_KIND, { pmoId: requireEntityId(pmoId, 'pmoId') }, asOf);
    return views.map((view) => toCommunity(view, asOf)).filter((c): c is Community => c !== null);
  }

  /** The PMO's insights, oldest first; with a decision, those whose latest decision it is. */
  async insights(pmoId: string, decision: InsightDecision | null, asOf: string | null): Promise<Insight[]> {
    const views = await this.reader.list(INSIGHT_KIND, { pmoId: requireEntityId(pmoId, 'pmoId') }, asOf);
    return views
      .filter((view) => decision === null || view.latest?.decision === decision)
      .map((view) => toInsight(view, asOf))
      .filter((i): i is Insight => i !== null);
  }

  /** The funnel over the insights heard from..to, as known at asOf (insight-funnel.ts has the rule). */
  async funnel(pmoIdArg: string, from: string, to: string, asOf: string | null): Promise<InsightFunnel> {
    requireWindow(from, to);
    const pmoId = requireEntityId(pmoIdArg, 'pmoId');
    const [insights, communities] = await Promise.all([
      this.reader.list(INSIGHT_KIND, { pmoId }, asOf),
      this.reader.list(COMMUNITY_KIND, { pmoId }, asOf),
    ]);
    const figures = insightFunnel(
      insights.map((view) => ({ heardOn: view.heardOn, decisions: insightDecisions(view) })),
      communities.flatMap((view) => communityContributions(view).map((c) => c.on)),
      { from, to },
    );
    return { ...figures, from, to, pmoId, asOf };
  }
}
