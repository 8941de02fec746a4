import type { GraphQLClient } from './graphql-client';
import { daysFromToday } from './days';
import { ESTABLISH_PMO } from './operations';
import { PMO_LIFE } from './pmo-life-operations';
import { startTestApp, type TestApp } from './test-app';

/**
 * A group (PORTFOLIO) with two programme offices, alpha and beta, established on given days; a
 * project office under alpha and one under the group; a client per role.
 */
export interface Group {
  readonly app: TestApp;
  readonly admin: GraphQLClient;
  readonly leadership: GraphQLClient;
  readonly auditor: GraphQLClient;
  /** PMO_HEAD of alpha. */
  readonly headA: GraphQLClient;
  /** PMO_HEAD of beta. */
  readonly headB: GraphQLClient;
  /** MEMBER of alpha. */
  readonly member: GraphQLClient;
  readonly group: string;
  readonly alpha: string;
  readonly beta: string;
  readonly child: string;
  readonly project: string;
}

export async function startGroup(): Promise<Group> {
  const app = await startTestApp();
  const admin = app.admin;
  const establish = async (input: Record<string, unknown>) => (await admin.ok(ESTABLISH_PMO, { input })).establishPmo.id as string;
  const group = await establish({ name: 'Group PMO', kind: 'PORTFOLIO', establishedOn: daysFromToday(-700) });
  const alpha = await establish({ name: 'Alpha programme office', kind: 'PROGRAMME', parentId: group, establishedOn: daysFromToday(-400) });
  const beta = await establish({ name: 'Beta programme office', kind: 'PROGRAMME', parentId: group, establishedOn: daysFromToday(-300) });
  const child = await establish({ name: 'Alpha project office', kind: 'PROJECT', parentId: alpha });
  const project = await establish({ name: 'Standalone project office', kind: 'PROJECT', parentId: group });
  return {
    app,
    admin,
    leadership: await app.client('coo@org.test', ['LEADERSHIP']),
    auditor: await app.client('auditor@org.test', ['AUDITOR']),
    headA: await app.client('grace@org.test', ['PMO_HEAD'], [alpha]),
    headB: await app.client('linus@org.test', ['PMO_HEAD'], [beta]),
    member: await app.client('ada@org.test', ['MEMBER'], [alpha]),
    group,
    alpha,
    beta,
    child,
    project,
  };
}

/** A PMO with its life: status, catalogue (now and on a day), history, objectives and plans. */
export const lifeOf = async (client: GraphQLClient, id: string, vars: Record<string, unknown> = {}) => (await client.ok(PMO_LIFE, { id, ...vars })).pmo;
