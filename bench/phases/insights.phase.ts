import { graphql } from '../support/service';
import { percentile, round } from '../support/stats';

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
  const windows = Array.from({ length: 12 }, (_, m) => {
    const month = String(m + 1).padStart(2, '0');
    return m === 11 ? { from: `${year}-01-01`, to: `${year}-12-31` } : { from: `${year}-${month}-01`, to: `${year}-${month}-28` };
  });
  type Answer = { insightFunnel: { heard: number; decided: number; parked: number; contributions: number } };
  const ask = (i: number) => graphql<Answer>(url, token, FUNNEL_QUERY, { pmoId, ...windows[i % windows.length]! });
  for (let i = 0; i < 2; i += 1) await ask(i);
  const latencies: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    await ask(i);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const year_ = (await ask(11)).insightFunnel;
  return {
    funnelMs: round(percentile(latencies, 50)),
    funnelP99Ms: round(percentile(latencies, 99)),
    requests,
    heard: year_.heard,
    decided: year_.decided,
    parked: year_.parked,
    contributions: year_.contributions,
  };
}
