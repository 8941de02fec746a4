import type { LocalDate } from '@throughline/domain';
import { graphql } from '../support/service';
import { percentile, round } from '../support/stats';

const COMPLIANCE_QUERY = `query($on: LocalDate) {
  compliance(on: $on) { adopted nonCompliant rows { status version pmo { id } standard { id } } }
}`;

export interface ComplianceLatency {
  /** p50 of `compliance` over every PMO and every standard, over HTTP. */
  readonly complianceMs: number;
  readonly complianceP99Ms: number;
  /** (PMO, standard) rows each answer holds. */
  readonly complianceRows: number;
  readonly requests: number;
}

/**
 * Sequential `compliance` requests over every PMO, each about another day of the seeded year
 * (so no two are the same question), after two warm-up requests.
 */
export async function measureCompliance(url: string, token: string, days: readonly LocalDate[], requests: number): Promise<ComplianceLatency> {
  const ask = (i: number) => graphql<{ compliance: { rows: unknown[] } }>(url, token, COMPLIANCE_QUERY, { on: days[i % days.length] });
  for (let i = 0; i < 2; i += 1) await ask(i);
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    const answer = await ask(i);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    rows = Math.max(rows, answer.compliance.rows.length);
  }
  return { complianceMs: round(percentile(latencies, 50)), complianceP99Ms: round(percentile(latencies, 99)), complianceRows: rows, requests };
}
