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

/** The size the compliance target is set for. */
export const SCALE = { programmes: 20, projectsPerProgramme: 9, standards: 20 } as const;

export interface ComplianceAtScale extends ComplianceLatency {
  readonly pmos: number;
  readonly standards: number;
}

/**
 * `compliance` over a group of exactly 200 PMOs (20 programmes of 9 projects each, under a
 * portfolio PMO of its own) and 20 standards, two in three of the pairs adopted: the size the
 * target is set for, larger than any office the seed makes. Built through the API on the service
 * under test, after every other figure was taken, so it changes none of them.
 */
export async function measureComplianceAtScale(url: string, token: string, today: LocalDate, requests: number): Promise<ComplianceAtScale> {
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  const mutate = <T>(query: string, input: Record<string, unknown>) => graphql<T>(url, token, query, { input });
  const establish = async (name: string, kind: string, parentId?: string) =>
    (await mutate<{ establishPmo: { id: string } }>(`mutation($input: EstablishPmoInput!) { establishPmo(input: $input) { id } }`, {
      name, kind, parentId, establishedOn: day(-400),
    })).establishPmo.id;
  const root = await establish('Compliance scale group', 'PORTFOLIO');
  const pmos: string[] = [];
  for (let p = 0; p < SCALE.programmes; p += 1) {
    const programme = await establish(`Scale programme ${p + 1}`, 'PROGRAMME', root);
    pmos.push(programme);
    for (let k = 0; k < SCALE.projectsPerProgramme; k += 1) pmos.push(await establish(`Scale project ${p + 1}.${k + 1}`, 'PROJECT', programme));
  }
  const standards: string[] = [];
  for (let s = 0; s < SCALE.standards; s += 1) {
    const published = await mutate<{ publishStandard: { id: string } }>(`mutation($input: PublishStandardInput!) { publishStandard(input: $input) { id } }`, {
      publisherPmoId: root, kind: 'STANDARD', title: `Scale standard ${s + 1}`, summary: 'For the compliance figure',
      appliesTo: ['PROGRAMME', 'PROJECT'], effectiveFrom: day(-300), adoptionDueOn: day(-200),
    });
    standards.push(published.publishStandard.id);
  }
  let pair = 0;
  for (const pmoId of pmos) {
    for (const standardId of standards) {
      pair += 1;
      if (pair % 3 === 0) continue;
      await mutate(`mutation($input: AdoptStandardInput!) { adoptStandard(input: $input) { status } }`, { standardId, pmoId, version: 1, adoptedOn: day(-260 + (pair % 120)) });
    }
  }
  const ask = (i: number) =>
    graphql<{ compliance: { rows: unknown[] } }>(url, token, COMPLIANCE_AT_SCALE, { root, on: day(-i) });
  for (let i = 0; i < 2; i += 1) await ask(i);
  const latencies: number[] = [];
  let rows = 0;
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    const answer = await ask(i);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    rows = Math.max(rows, answer.compliance.rows.length);
  }
  return {
    complianceMs: round(percentile(latencies, 50)),
    complianceP99Ms: round(percentile(latencies, 99)),
    complianceRows: rows,
    requests,
    pmos: pmos.length,
    standards: standards.length,
  };
}

const COMPLIANCE_AT_SCALE = `query($root: ID, $on: LocalDate) {
  compliance(rootPmoId: $root, on: $on) { adopted nonCompliant rows { status version pmo { id } standard { id } } }
}`;
