import { addDays, type LocalDate } from '@throughline/domain';
import { graphql } from '../support/service';
import { percentile, round } from '../support/stats';

/** Every figure of every row, as a leadership dashboard asks for them. */
const SUMMARY_QUERY = `query($on: LocalDate, $asOf: DateTime) {
  organisation(on: $on, asOf: $asOf) {
    on
    pmos {
      pmo { id name kind }
      objectives byHealth { health objectives } meanProgress meanExpectedProgress
      hoursLast28Days alignedHoursLast28Days alignedShareLast28Days
      compliance { adopted transition deviationApproved deviationRequested pending nonCompliant }
      networkGroups overdueNetworkGroups openDeviations openFeedback oldestOpenFeedbackDays
    }
  }
}`;

interface Answer {
  organisation: { pmos: { objectives: number; hoursLast28Days: number }[] };
}

export interface OrganisationSummaryLatency {
  /** p50 of `organisation` over HTTP, as known now, each request about another day of the seeded year. */
  readonly summaryMs: number;
  readonly summaryP99Ms: number;
  readonly requests: number;
  /** The same as known at the evening of the day asked: every PMO, objective, deviation and feedback folded to the instant. */
  readonly summaryAsOfMs: number;
  readonly summaryAsOfP99Ms: number;
  readonly asOfRequests: number;
  /** What one answer holds: its rows (PMOs), the objectives they count, and the hours of their 28 days. */
  readonly pmos: number;
  readonly objectives: number;
  readonly hours: number;
}

const timed = async (requests: number, ask: (i: number) => Promise<Answer>): Promise<{ p50: number; p99: number; last: Answer }> => {
  for (let i = 0; i < 2; i += 1) await ask(i);
  const latencies: number[] = [];
  let last: Answer | undefined;
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    last = await ask(i);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), last: last! };
};

/**
 * Sequential `organisation` requests over every seeded PMO, after two warm-ups, each about another
 * day of the seeded year (eleven days apart, so no two in a row share their 28 days of work); then
 * the same as known at 18:00 on the day asked.
 */
export async function measureOrganisationSummary(url: string, token: string, year: number, requests: number, asOfRequests: number): Promise<OrganisationSummaryLatency> {
  const dayOf = (i: number): LocalDate => addDays(`${year}-01-20`, (i * 11) % 330);
  const now = await timed(requests, (i) => graphql<Answer>(url, token, SUMMARY_QUERY, { on: dayOf(i) }));
  const asOf = await timed(asOfRequests, (i) => graphql<Answer>(url, token, SUMMARY_QUERY, { on: dayOf(i), asOf: `${dayOf(i)}T18:00:00.000Z` }));
  const rows = now.last.organisation.pmos;
  return {
    summaryMs: now.p50,
    summaryP99Ms: now.p99,
    requests,
    summaryAsOfMs: asOf.p50,
    summaryAsOfP99Ms: asOf.p99,
    asOfRequests,
    pmos: rows.length,
    objectives: rows.reduce((sum, row) => sum + row.objectives, 0),
    hours: round(rows.reduce((sum, row) => sum + row.hoursLast28Days, 0)),
  };
}
