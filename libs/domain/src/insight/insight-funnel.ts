import { daysBetween, type LocalDate } from '../shared/local-date';
import { isFinalDecision, type InsightDecision } from './insight.events';

/** One insight as the funnel reads it: when it was heard and its decisions in the order made. */
export interface FunnelInsight {
  readonly heardOn: LocalDate;
  readonly decisions: readonly { readonly decision: InsightDecision; readonly decidedOn: LocalDate }[];
}

export interface InsightFunnelWindow {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

export interface InsightFunnelFigures {
  readonly heard: number;
  readonly decided: number;
  readonly adopted: number;
  readonly adapted: number;
  readonly parked: number;
  readonly rejected: number;
  readonly medianDaysToDecision: number | null;
  readonly contributions: number;
}

/** The middle value, or the mean of the two middle values; null for none. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * From what the PMO heard to what the organisation uses, over the insights HEARD from..to
 * (inclusive), with the decisions given (those known at the instant asked about, whatever day
 * they are about):
 * - `heard`: those insights;
 * - `adopted`, `adapted`, `parked`, `rejected`: those whose latest decision is that one;
 * - `decided`: those with a final decision (ADOPT, ADAPT or REJECT): adopted + adapted + rejected.
 *   A parked insight is not decided; one never decided is in `heard` alone;
 * - `medianDaysToDecision`: over the decided ones, the median of the days from heardOn to the
 *   decidedOn of the first final decision (a park before it counts as time still undecided);
 *   the mean of the two middle values for an even count; null when none is decided;
 * - `contributions`: the contribution days given that fall from..to.
 */
export const insightFunnel = (
  insights: readonly FunnelInsight[],
  contributionDays: readonly LocalDate[],
  { from, to }: InsightFunnelWindow,
): InsightFunnelFigures => {
  const counts: Record<InsightDecision, number> = { ADOPT: 0, ADAPT: 0, PARK: 0, REJECT: 0 };
  const daysToDecision: number[] = [];
  let heard = 0;
  for (const insight of insights) {
    if (insight.heardOn < from || insight.heardOn > to) continue;
    heard += 1;
    const latest = insight.decisions[insight.decisions.length - 1];
    if (!latest) continue;
    counts[latest.decision] += 1;
    if (!isFinalDecision(latest.decision)) continue;
    const first = insight.decisions.find((decision) => isFinalDecision(decision.decision))!;
    daysToDecision.push(daysBetween(insight.heardOn, first.decidedOn));
  }
  let contributions = 0;
  for (const day of contributionDays) if (day >= from && day <= to) contributions += 1;
  return {
    heard,
    decided: daysToDecision.length,
    adopted: counts.ADOPT,
    adapted: counts.ADAPT,
    parked: counts.PARK,
    rejected: counts.REJECT,
    medianDaysToDecision: median(daysToDecision),
    contributions,
  };
};
