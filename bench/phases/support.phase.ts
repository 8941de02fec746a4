import { graphql } from '../support/service';
import { percentile, round } from '../support/stats';

const REPORT_QUERY = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) {
  assistanceReport(pmoId: $pmoId, from: $from, to: $to) {
    engagements requestedAsCoaching deliveredAsCoaching byMode { mode sessions hours } mislabelled { id deliveredMostlyAs }
  }
}`;

export interface SupportLatency {
  /** p50 of `assistanceReport` over HTTP, for the seeded PMO with the most sessions, each about another month. */
  readonly reportMs: number;
  readonly reportP99Ms: number;
  readonly requests: number;
  /** The PMO's engagements with a session in the year, and their sessions, as the year's report counts them. */
  readonly engagements: number;
  readonly sessions: number;
}

/**
 * Sequential `assistanceReport` requests for one seeded office, after two warm-ups: each asks
 * about another month of the year (every twelfth the whole year), so no two in a row are the same.
 */
export async function measureSupport(url: string, token: string, pmoId: string, year: number, requests: number): Promise<SupportLatency> {
  const windows = Array.from({ length: 12 }, (_, m) => {
    const month = String(m + 1).padStart(2, '0');
    return m === 11 ? { from: `${year}-01-01`, to: `${year}-12-31` } : { from: `${year}-${month}-01`, to: `${year}-${month}-28` };
  });
  type Answer = { assistanceReport: { engagements: number; byMode: { sessions: number }[] } };
  const ask = (i: number) => graphql<Answer>(url, token, REPORT_QUERY, { pmoId, ...windows[i % windows.length]! });
  for (let i = 0; i < 2; i += 1) await ask(i);
  const latencies: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    await ask(i);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const year_ = (await ask(11)).assistanceReport;
  return {
    reportMs: round(percentile(latencies, 50)),
    reportP99Ms: round(percentile(latencies, 99)),
    requests,
    engagements: year_.engagements,
    sessions: year_.byMode.reduce((sum, row) => sum + row.sessions, 0),
  };
}
