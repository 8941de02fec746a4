/** The world the hostile-input table attacks, and how it sends its requests. */
import type { GraphQLClient } from './graphql-client';
import { daysFromToday } from './days';
import type { TestApp } from './test-app';

export const RENAME_PMO = `mutation($input: RenamePmoInput!) { renamePmo(input: $input) { id name revision } }`;

/** What the table's requests need to know about the world they attack. */
export interface World {
  readonly t: TestApp;
  /** PMO_HEAD of PMO A only. */
  readonly headOfA: GraphQLClient;
  /** MEMBER of PMO A. */
  readonly member: GraphQLClient;
  readonly auditor: GraphQLClient;
  readonly pmoA: string;
  readonly pmoB: string;
  readonly objectiveA: string;
  readonly objectiveB: string;
  readonly planA: string;
  readonly draftPlanA: string;
  readonly planB: string;
  readonly activityA: string;
  readonly activityB: string;
  readonly workA: string;
  readonly workB: string;
}

export interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  readonly text: string;
}

export interface Hostile {
  readonly name: string;
  readonly send: (w: World) => Promise<Answer>;
  /** The first error's extensions.code; omitted only where the answer is not GraphQL-shaped. */
  readonly code?: string;
  readonly field?: string;
  readonly status?: number;
}

export const answerOf = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // a non-JSON answer is judged by its status alone
  }
  return { status: response.status, body, text };
};

/** Any request to /graphql, as the admin unless told otherwise. */
export const http = async (
  w: World,
  init: { body?: string; contentType?: string | null; method?: string; token?: string | null; query?: string; headers?: Record<string, string> },
): Promise<Answer> => {
  const token = init.token === undefined ? w.t.admin.token : init.token;
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.contentType !== null) headers['content-type'] = init.contentType ?? 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${w.t.url}/graphql${init.query ?? ''}`, {
    method: init.method ?? 'POST',
    headers,
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return answerOf(response);
};

export const gql = (w: World, query: string, variables: Record<string, unknown> = {}, client: GraphQLClient = w.t.admin) =>
  http(w, { body: JSON.stringify({ query, variables }), token: client.token });

export const establish = (extra: Record<string, unknown> = {}) => ({ name: 'Hostile office', kind: 'PROJECT', ...extra });
export const workIn = (w: World, extra: Record<string, unknown> = {}) => ({
  pmoId: w.pmoA,
  workedOn: daysFromToday(-1),
  hours: 2,
  description: 'Reviewed the CRM project',
  ...extra,
});
export const objectiveIn = (pmoId: string, extra: Record<string, unknown> = {}) => ({
  pmoId,
  title: 'Projects delivered on time',
  metric: { name: 'On-time delivery', unit: '%', baseline: 40, target: 80 },
  dueOn: daysFromToday(200),
  owner: 'Grace',
  ...extra,
});
export const activityIn = (planId: string, extra: Record<string, unknown> = {}) => ({
  planId,
  title: 'Stage-gate reviews',
  responsible: 'Grace',
  mode: 'DIRECT',
  startsOn: daysFromToday(-10),
  endsOn: daysFromToday(60),
  ...extra,
});
export const mandate = (w: World, extra: Record<string, unknown> = {}) => ({
  pmoId: w.pmoA,
  purpose: 'GOVERNANCE',
  statement: 'Assure delivery',
  sponsor: 'CFO',
  effectiveFrom: '2026-01-01',
  reason: 'Board decision',
  ...extra,
});

/** `{ pmos { parent { … { id } } } }` nested `depth` levels deep. */
export const parentChain = (depth: number) => `{ pmos { ${'parent { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;
export const ESTABLISH_LITERAL = 'establishPmo(input: { name: "Flood", kind: PROJECT }) { id }';
export const SQL = "'; DROP TABLE events; --";
export const PATH = '../../../../etc/passwd';
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
