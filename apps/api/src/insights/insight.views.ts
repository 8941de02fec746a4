import { communityContributions, insightDecisions, type CommunityView, type InsightView } from '@throughline/domain';
import type { Community, Insight } from './insight.types';

/** The GraphQL object of a community's view, as of an instant (null: now). */
export const toCommunity = (view: CommunityView | null | undefined, asOf: string | null): Community | null => {
  if (!view || view.status === 'NONE') return null;
  const contributionList = communityContributions(view).map((c) => ({ ...c }));
  return {
    id: view.communityId,
    name: view.name,
    kind: view.kind,
    joinedOn: view.joinedOn,
    leftOn: view.leftOn,
    contributions: contributionList.length,
    contributionList,
    joinedBy: view.joinedBy,
    joinedAt: view.joinedAt,
    revision: view.revision,
    pmoId: view.pmoId,
    asOf,
  };
};

export const toInsight = (view: InsightView | null | undefined, asOf: string | null): Insight | null => {
  if (!view || view.status === 'NONE') return null;
  const { latest } = view;
  return {
    id: view.insightId,
    title: view.title,
    summary: view.summary,
    heardOn: view.heardOn,
    decision: latest?.decision ?? null,
    decisionReason: latest?.reason ?? null,
    decidedOn: latest?.decidedOn ?? null,
    decisions: insightDecisions(view).map((d) => ({ ...d })),
    recordedBy: view.recordedBy,
    recordedAt: view.recordedAt,
    revision: view.revision,
    pmoId: view.pmoId,
    communityId: view.communityId,
    activityId: latest?.activityId ?? null,
    asOf,
  };
};
