import { graphql } from '../support/service';
import { timedOverYear } from '../support/year-windows';

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
  type Answer = { assistanceReport: { engagements: number; byMode: { sessions: number }[] } };
  const measured = await timedOverYear(year, requests, (window) => graphql<Answer>(url, token, REPORT_QUERY, { pmoId, ...window }));
  const year_ = measured.year.assistanceReport;
  return {
    reportMs: measured.p50Ms,
    reportP99Ms: measured.p99Ms,
    requests,
    engagements: year_.engagements,
    sessions: year_.byMode.reduce((sum, row) => sum + row.sessions, 0),
  };
}
