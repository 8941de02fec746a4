import { graphql } from '../support/service';
import { timedOverYear } from '../support/year-windows';

const FUNNEL_QUERY = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) {
  insightFunnel(pmoId: $pmoId, from: $from, to: $to) {
    from to heard decided adopted adapted parked rejected medianDaysToDecision contributions
  }
}`;

export interface InsightsLatency {
  /** p50 of `insightFunnel` over HTTP, for the seeded PMO that heard the most in the year, each about another month. */
  readonly funnelMs: number;
  readonly funnelP99Ms: number;
  readonly requests: number;
  /** The PMO's year as the funnel counts it: insights heard, decided (finally) and parked, and contributions made. */
  readonly heard: number;
  readonly decided: number;
  readonly parked: number;
  readonly contributions: number;
}

/**
 * Sequential `insightFunnel` requests for one seeded office, after two warm-ups: each asks
 * about another month of the year (every twelfth the whole year), so no two in a row are the same.
 */
export async function measureInsights(url: string, token: string, pmoId: string, year: number, requests: number): Promise<InsightsLatency> {
  type Answer = { insightFunnel: { heard: number; decided: number; parked: number; contributions: number } };
  const measured = await timedOverYear(year, requests, (window) => graphql<Answer>(url, token, FUNNEL_QUERY, { pmoId, ...window }));
  const year_ = measured.year.insightFunnel;
  return {
    funnelMs: measured.p50Ms,
    funnelP99Ms: measured.p99Ms,
    requests,
    heard: year_.heard,
    decided: year_.decided,
    parked: year_.parked,
    contributions: year_.contributions,
  };
}
