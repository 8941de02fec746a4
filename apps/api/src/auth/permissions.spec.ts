import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema } from 'graphql';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { AppModule } from '../app.module';
import type { AppConfig } from '@throughline/runtime';
import { mayReadAuditOf } from '../audit/audit-access';
import { authorize, can, type Scope } from './authorize';
import { permissionTable, PERMISSIONS, type Permission } from './permissions';
import type { Principal, Role } from '@throughline/runtime';
import { REQUIREMENT, type Declared } from './requires';
import { NODE_TYPES } from '../nodes/node-types';

const ROOT = path.resolve(__dirname, '../../../..');
const HOME = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const AWAY = '9b0d7c55-3f2e-4a61-8c47-1d2e3f4a5b6c';

type Class = abstract new (...args: never[]) => unknown;

/** What node(id) declares: the permission of whatever entity its id names. */
const FORWARDED = 'the permission of the entity it names';
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

/**
 * Every root query, mutation and subscription the application's resolvers declare, by the modules it imports,
 * with the permission each method declares (undefined: none).
 */
const declaredOperations = (): Map<string, Permission | typeof FORWARDED | undefined> => {
  const isClass = (value: unknown): value is Class => typeof value === 'function';
  const modules = ((AppModule.forRoot({} as AppConfig).imports ?? []) as unknown[]).filter(isClass);
  const providers = modules.flatMap((m) => ((Reflect.getMetadata('providers', m) as unknown[] | undefined) ?? []).filter(isClass));
  const operations = new Map<string, Permission | typeof FORWARDED | undefined>();
  for (const provider of providers) {
    const prototype = provider.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[key];
      if (typeof method !== 'function') continue;
      const type: unknown = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method);
      if (typeof type !== 'string' || !ROOT_TYPES.includes(type)) continue;
      const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, method) as string | undefined) ?? key;
      const declared = Reflect.getMetadata(REQUIREMENT, method) as Declared<unknown> | undefined;
      operations.set(name, declared && 'forward' in declared ? FORWARDED : declared?.permission);
    }
  }
  return operations;
};

const caller = (roles: Role[], pmoIds: string[] = [], subject = 'ada@org.test'): Principal => ({ subject, roles, pmoIds });

describe('the permission table', () => {
  it('is the table the README shows, cell for cell', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

    expect(readme).toContain(permissionTable());
  });

  it('is declared by every query, mutation and subscription the schema serves, so none is open by omission', () => {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'apps/api/schema.graphql'), 'utf8'));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    const declared = declaredOperations();

    expect(roots.length).toBeGreaterThan(30);
    expect([...declared.keys()].sort()).toEqual([...roots].sort());
    expect(roots.filter((name) => declared.get(name) === undefined)).toEqual([]);
  });
});

describe('node(id)', () => {
  it('declares the permission of the entity it names, for every type that implements Node', () => {
    const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'apps/api/schema.graphql'), 'utf8'));
    const nodeTypes = schema.getImplementations(schema.getType('Node') as never).objects.map((type) => type.name);

    expect(declaredOperations().get('node')).toBe(FORWARDED);
    expect(NODE_TYPES.map((type) => type.typeName).sort()).toEqual([...nodeTypes].sort());
  });

  it.each(NODE_TYPES.map((type) => [type.typeName, type] as const))('checks %s with the permission of the query that answers it', (_name, type) => {
    const declared = declaredOperations();

    expect(declared.get(type.permissionOf)).toBeDefined();
    expect(type.requirement().permission).toBe(declared.get(type.permissionOf));
  });
});

describe('the network’s operations', () => {
  it('each declare the permission the table gives them: managing, reading, and a person’s data apart', () => {
    const declared = declaredOperations();
    const network: Record<string, Permission> = {
      addContact: 'network.manage',
      updateContact: 'network.manage',
      assessContact: 'network.manage',
      endRelationship: 'network.manage',
      formNetworkGroup: 'network.manage',
      reviseNetworkGroup: 'network.manage',
      addContactToGroup: 'network.manage',
      removeContactFromGroup: 'network.manage',
      recordTouchpoint: 'network.manage',
      contact: 'network.read',
      contacts: 'network.read',
      networkGroups: 'network.read',
      touchpoints: 'network.read',
      networkHealth: 'network.read',
      networkMap: 'network.read',
      personalData: 'personal-data.read',
      erasePersonalData: 'personal-data.erase',
    };

    expect(Object.fromEntries(Object.keys(network).map((operation) => [operation, declared.get(operation)]))).toEqual(network);
  });
});

describe('the connections', () => {
  it('each declare the permission of the list they page through', () => {
    const declared = declaredOperations();
    const connections: Record<string, Permission> = {
      pmosConnection: 'records.read',
      portfolioConnection: 'records.read',
      workEntriesConnection: 'work.read',
      contactsConnection: 'network.read',
      touchpointsConnection: 'network.read',
      history: 'audit.read',
      auditLog: 'audit.read',
    };
    const lists: Record<string, Permission> = { pmos: 'records.read', portfolio: 'records.read', workEntries: 'work.read', contacts: 'network.read', touchpoints: 'network.read' };

    expect(Object.fromEntries(Object.keys(connections).map((operation) => [operation, declared.get(operation)]))).toEqual(connections);
    expect(Object.fromEntries(Object.keys(lists).map((operation) => [operation, declared.get(operation)]))).toEqual(lists);
  });
});

describe('support’s operations', () => {
  it('each declare the permission the table gives them: recording, sessions, reading and erasure apart', () => {
    const declared = declaredOperations();
    const support: Record<string, Permission> = {
      recordQualification: 'qualification.record',
      qualifications: 'qualification.read',
      openSupportEngagement: 'support.manage',
      renegotiateEngagement: 'support.manage',
      closeSupportEngagement: 'support.manage',
      recordSupportSession: 'support.session',
      supportEngagement: 'support.read',
      supportEngagements: 'support.read',
      assistanceReport: 'support.read',
      eraseSupportedPersonData: 'support.erase',
    };
    expect(Object.fromEntries(Object.keys(support).map((operation) => [operation, declared.get(operation)]))).toEqual(support);
  });
});

describe('the outside knowledge operations', () => {
  it('each declare the permission the table gives them: recording, deciding and reading apart', () => {
    const declared = declaredOperations();
    const knowledge: Record<string, Permission> = {
      joinCommunity: 'insight.record',
      leaveCommunity: 'insight.record',
      recordCommunityContribution: 'insight.record',
      recordInsight: 'insight.record',
      decideInsight: 'insight.decide',
      communities: 'insight.read',
      insights: 'insight.read',
      insightFunnel: 'insight.read',
    };

    expect(Object.fromEntries(Object.keys(knowledge).map((operation) => [operation, declared.get(operation)]))).toEqual(knowledge);
  });
});

describe('leadership’s operations', () => {
  it('each declare the permission the table gives them: who one is, the organisation’s summary, an objective over time', () => {
    const declared = declaredOperations();
    const leadership: Record<string, Permission> = {
      viewer: 'viewer.read',
      organisation: 'organisation.summary',
      objectiveTrend: 'records.read',
    };

    expect(Object.fromEntries(Object.keys(leadership).map((operation) => [operation, declared.get(operation)]))).toEqual(leadership);
  });
});

describe('live updates', () => {
  it('are declared with the permission of the query that shows the same thing: the audit log, an objective', () => {
    const declared = declaredOperations();

    expect({ eventRecorded: declared.get('eventRecorded'), objectiveChanged: declared.get('objectiveChanged') }).toEqual({
      eventRecorded: 'audit.read',
      objectiveChanged: 'records.read',
    });
    expect([declared.get('auditLog'), declared.get('objective')]).toEqual(['audit.read', 'records.read']);
  });

  it('deliver an event to a PMO head only when it belongs to one of their PMOs, as the audit log lists it', () => {
    const head = caller(['PMO_HEAD'], [HOME]);

    expect([mayReadAuditOf(head, HOME), mayReadAuditOf(head, AWAY), mayReadAuditOf(head, null)]).toEqual([true, false, false]);
    expect([mayReadAuditOf(caller(['AUDITOR']), null), mayReadAuditOf(caller(['MEMBER'], [HOME]), HOME)]).toEqual([true, false]);
  });
});

describe('authorize', () => {
  const home: Scope = { pmoId: HOME };

  it.each<[string, Principal, Permission, Scope, boolean]>([
    ['a role held everywhere covers any PMO', caller(['LEADERSHIP']), 'plan.review', { pmoId: AWAY }, true],
    ['a role held everywhere covers every PMO at once', caller(['AUDITOR']), 'audit.read', { pmoId: null }, true],
    ['a PMO head acts in a listed PMO', caller(['PMO_HEAD'], [HOME]), 'objective.manage', home, true],
    ['a PMO head does not act in another PMO', caller(['PMO_HEAD'], [HOME]), 'objective.manage', { pmoId: AWAY }, false],
    ['a PMO head does not read every PMO’s audit log at once', caller(['PMO_HEAD'], [HOME, AWAY]), 'audit.read', { pmoId: null }, false],
    ['a member records their own work', caller(['MEMBER'], [HOME]), 'work.record', { pmoId: HOME, people: ['ada@org.test'] }, true],
    ['a member does not record work of others', caller(['MEMBER'], [HOME]), 'work.record', { pmoId: HOME, people: ['bob@org.test'] }, false],
    [
      'a member does not move their own work to someone else',
      caller(['MEMBER'], [HOME]),
      'work.record',
      { pmoId: HOME, people: ['ada@org.test', 'bob@org.test'] },
      false,
    ],
    ['a member does not read everyone’s work', caller(['MEMBER'], [HOME]), 'work.read', { pmoId: HOME, people: null }, false],
    ['a member does not record their own work in another PMO', caller(['MEMBER'], [HOME]), 'work.record', { pmoId: AWAY, people: ['ada@org.test'] }, false],
    ['roles add up: a member who also audits reads the history', caller(['MEMBER', 'AUDITOR'], [HOME]), 'audit.read', home, true],
    ['an auditor writes nothing', caller(['AUDITOR']), 'work.record', { pmoId: HOME, people: ['ada@org.test'] }, false],
    ['leadership does not log work', caller(['LEADERSHIP']), 'work.record', { pmoId: HOME, people: ['ada@org.test'] }, false],
    ['a PMO head raises feedback from their PMO', caller(['PMO_HEAD'], [HOME]), 'feedback.raise', home, true],
    ['a PMO head does not raise feedback from another PMO', caller(['PMO_HEAD'], [HOME]), 'feedback.raise', { pmoId: AWAY }, false],
    ['leadership resolves feedback but raises none', caller(['LEADERSHIP']), 'feedback.resolve', { pmoId: AWAY }, true],
    ['leadership does not raise feedback', caller(['LEADERSHIP']), 'feedback.raise', home, false],
    ['a PMO head resolves feedback sent to their PMO only', caller(['PMO_HEAD'], [HOME]), 'feedback.resolve', { pmoId: AWAY }, false],
    ['a member does not raise feedback', caller(['MEMBER'], [HOME]), 'feedback.raise', home, false],
    ['an auditor reads feedback everywhere', caller(['AUDITOR']), 'organisation.read', { pmoId: null }, true],
    ['a member reads feedback everywhere', caller(['MEMBER'], [HOME]), 'organisation.read', { pmoId: AWAY }, true],
    ['leadership sets standards anywhere', caller(['LEADERSHIP']), 'standard.manage', { pmoId: AWAY }, true],
    ['a PMO head sets standards only in their PMO', caller(['PMO_HEAD'], [HOME]), 'standard.manage', { pmoId: AWAY }, false],
    ['leadership does not adopt a standard for a PMO', caller(['LEADERSHIP']), 'standard.adopt', home, false],
    ['a PMO head adopts in their PMO', caller(['PMO_HEAD'], [HOME]), 'standard.adopt', home, true],
    ['a PMO head grants leeway from their PMO', caller(['PMO_HEAD'], [HOME]), 'standard.leeway', home, true],
    ['leadership grants no leeway: it is the parent PMO’s', caller(['LEADERSHIP']), 'standard.leeway', home, false],
    ['a PMO head decides deviations only in the publisher PMO they head', caller(['PMO_HEAD'], [HOME]), 'deviation.decide', { pmoId: AWAY }, false],
    ['leadership decides deviations anywhere', caller(['LEADERSHIP']), 'deviation.decide', { pmoId: AWAY }, true],
    ['a member reads compliance everywhere', caller(['MEMBER'], [HOME]), 'organisation.read', { pmoId: null }, true],
    ['an auditor decides no deviation', caller(['AUDITOR']), 'deviation.decide', home, false],
    ['a PMO head manages the catalogue of their PMO', caller(['PMO_HEAD'], [HOME]), 'catalogue.manage', home, true],
    ['a PMO head does not manage another PMO’s catalogue', caller(['PMO_HEAD'], [HOME]), 'catalogue.manage', { pmoId: AWAY }, false],
    ['leadership does not manage catalogues', caller(['LEADERSHIP']), 'catalogue.manage', home, false],
    ['a PMO head publishes a plan of their PMO as a template', caller(['PMO_HEAD'], [HOME]), 'template.publish', home, true],
    ['a PMO head does not publish another PMO’s plan', caller(['PMO_HEAD'], [HOME]), 'template.publish', { pmoId: AWAY }, false],
    ['a member does not publish templates', caller(['MEMBER'], [HOME]), 'template.publish', home, false],
    ['a member reads across PMOs', caller(['MEMBER'], [HOME]), 'organisation.read', { pmoId: null }, true],
    ['an auditor reads across PMOs', caller(['AUDITOR']), 'organisation.read', { pmoId: null }, true],
    ['a PMO head does not merge PMOs', caller(['PMO_HEAD'], [HOME]), 'pmo.manage', home, false],
    ['leadership merges PMOs', caller(['LEADERSHIP']), 'pmo.manage', home, true],
    ['a PMO head manages the network of their PMO', caller(['PMO_HEAD'], [HOME]), 'network.manage', home, true],
    ['a member manages the network of their PMO', caller(['MEMBER'], [HOME]), 'network.manage', home, true],
    ['a member does not manage another PMO’s network', caller(['MEMBER'], [HOME]), 'network.manage', { pmoId: AWAY }, false],
    ['a PMO head does not manage another PMO’s network', caller(['PMO_HEAD'], [HOME]), 'network.manage', { pmoId: AWAY }, false],
    ['leadership does not manage a network', caller(['LEADERSHIP']), 'network.manage', home, false],
    ['an auditor does not manage a network', caller(['AUDITOR']), 'network.manage', home, false],
    ['leadership reads every PMO’s network', caller(['LEADERSHIP']), 'network.read', { pmoId: AWAY }, true],
    ['an auditor reads every PMO’s network', caller(['AUDITOR']), 'network.read', { pmoId: AWAY }, true],
    ['a member reads the network of their PMO', caller(['MEMBER'], [HOME]), 'network.read', home, true],
    ['a member does not read another PMO’s network', caller(['MEMBER'], [HOME]), 'network.read', { pmoId: AWAY }, false],
    ['a PMO head does not read another PMO’s network', caller(['PMO_HEAD'], [HOME]), 'network.read', { pmoId: AWAY }, false],
    ['a PMO head records insights of their PMO', caller(['PMO_HEAD'], [HOME]), 'insight.record', home, true],
    ['a member records communities, contributions and insights of their PMO', caller(['MEMBER'], [HOME]), 'insight.record', home, true],
    ['a member does not record for another PMO', caller(['MEMBER'], [HOME]), 'insight.record', { pmoId: AWAY }, false],
    ['leadership does not record insights', caller(['LEADERSHIP']), 'insight.record', home, false],
    ['an auditor does not record insights', caller(['AUDITOR']), 'insight.record', home, false],
    ['a PMO head decides insights of their PMO', caller(['PMO_HEAD'], [HOME]), 'insight.decide', home, true],
    ['a PMO head does not decide another PMO’s insights', caller(['PMO_HEAD'], [HOME]), 'insight.decide', { pmoId: AWAY }, false],
    ['a member does not decide insights', caller(['MEMBER'], [HOME]), 'insight.decide', home, false],
    ['leadership does not decide insights', caller(['LEADERSHIP']), 'insight.decide', home, false],
    ['leadership reads every PMO’s insights', caller(['LEADERSHIP']), 'insight.read', { pmoId: AWAY }, true],
    ['an auditor reads every PMO’s insights', caller(['AUDITOR']), 'insight.read', { pmoId: AWAY }, true],
    ['a member reads the insights of their PMO', caller(['MEMBER'], [HOME]), 'insight.read', home, true],
    ['a member does not read another PMO’s insights', caller(['MEMBER'], [HOME]), 'insight.read', { pmoId: AWAY }, false],
    ['a PMO head erases personal data in their PMO’s network', caller(['PMO_HEAD'], [HOME]), 'personal-data.erase', home, true],
    ['a PMO head erases no personal data in another PMO’s network', caller(['PMO_HEAD'], [HOME]), 'personal-data.erase', { pmoId: AWAY }, false],
    ['a member erases no personal data', caller(['MEMBER'], [HOME]), 'personal-data.erase', home, false],
    ['leadership erases no personal data', caller(['LEADERSHIP']), 'personal-data.erase', home, false],
    ['an auditor erases no personal data', caller(['AUDITOR']), 'personal-data.erase', home, false],
    ['a PMO head answers a subject access request in their PMO', caller(['PMO_HEAD'], [HOME]), 'personal-data.read', home, true],
    ['a PMO head answers none in another PMO', caller(['PMO_HEAD'], [HOME]), 'personal-data.read', { pmoId: AWAY }, false],
    ['a member does not read a contact’s personal data export', caller(['MEMBER'], [HOME]), 'personal-data.read', home, false],
    ['leadership does not read a contact’s personal data export', caller(['LEADERSHIP']), 'personal-data.read', home, false],
    ['an auditor does not read a contact’s personal data export', caller(['AUDITOR']), 'personal-data.read', home, false],
    ['a PMO head records qualifications of anyone', caller(['PMO_HEAD'], [HOME]), 'qualification.record', { pmoId: null }, true],
    ['a member records no qualification', caller(['MEMBER'], [HOME]), 'qualification.record', { pmoId: null }, false],
    ['leadership records no qualification', caller(['LEADERSHIP']), 'qualification.record', { pmoId: null }, false],
    ['a member reads qualifications', caller(['MEMBER'], [HOME]), 'qualification.read', { pmoId: null }, true],
    ['a PMO head opens engagements in their PMO', caller(['PMO_HEAD'], [HOME]), 'support.manage', home, true],
    ['a member opens engagements in their PMO', caller(['MEMBER'], [HOME]), 'support.manage', home, true],
    ['a member opens none in another PMO', caller(['MEMBER'], [HOME]), 'support.manage', { pmoId: AWAY }, false],
    ['leadership opens no engagement', caller(['LEADERSHIP']), 'support.manage', home, false],
    ['an auditor opens no engagement', caller(['AUDITOR']), 'support.manage', home, false],
    ['a member records a session they gave', caller(['MEMBER'], [HOME]), 'support.session', { pmoId: HOME, people: ['ada@org.test'] }, true],
    ['a member records no session as someone else', caller(['MEMBER'], [HOME]), 'support.session', { pmoId: HOME, people: ['bob@org.test'] }, false],
    ['a PMO head records a session as any supporter of their PMO', caller(['PMO_HEAD'], [HOME]), 'support.session', { pmoId: HOME, people: ['bob@org.test'] }, true],
    ['a PMO head records no session in another PMO', caller(['PMO_HEAD'], [HOME]), 'support.session', { pmoId: AWAY, people: ['bob@org.test'] }, false],
    ['leadership records no session', caller(['LEADERSHIP']), 'support.session', { pmoId: HOME, people: ['ada@org.test'] }, false],
    ['leadership reads every PMO’s support', caller(['LEADERSHIP']), 'support.read', { pmoId: AWAY }, true],
    ['an auditor reads every PMO’s support', caller(['AUDITOR']), 'support.read', { pmoId: AWAY }, true],
    ['a member reads the support of their PMO only', caller(['MEMBER'], [HOME]), 'support.read', { pmoId: AWAY }, false],
    ['a PMO head erases no supported person', caller(['PMO_HEAD'], [HOME]), 'support.erase', { pmoId: null }, false],
    ['an auditor erases no supported person', caller(['AUDITOR']), 'support.erase', { pmoId: null }, false],
    ['leadership reads every PMO’s row of the summary', caller(['LEADERSHIP']), 'organisation.summary', { pmoId: AWAY }, true],
    ['an auditor reads every PMO’s row of the summary', caller(['AUDITOR']), 'organisation.summary', { pmoId: AWAY }, true],
    ['a PMO head reads the rows of their PMOs', caller(['PMO_HEAD'], [HOME]), 'organisation.summary', home, true],
    ['a PMO head reads no other PMO’s row', caller(['PMO_HEAD'], [HOME]), 'organisation.summary', { pmoId: AWAY }, false],
    ['a member reads no other PMO’s row', caller(['MEMBER'], [HOME]), 'organisation.summary', { pmoId: AWAY }, false],
    ['a member reads who they are', caller(['MEMBER'], [HOME]), 'viewer.read', { pmoId: null }, true],
    ['an auditor reads who they are', caller(['AUDITOR']), 'viewer.read', { pmoId: null }, true],
  ])('%s', (_case, principal, permission, scope, allowed) => {
    expect(can(principal, permission, scope)).toBe(allowed);
    if (allowed) expect(() => authorize(principal, permission, scope)).not.toThrow();
    else expect(() => authorize(principal, permission, scope)).toThrow(expect.objectContaining({ name: 'ForbiddenError', permission }));
  });

  it('grants ADMIN every permission everywhere', () => {
    const admin = caller(['ADMIN']);
    const denied = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !can(admin, p, { pmoId: null, people: null }));

    expect(denied).toEqual([]);
  });

  it('names the missing permission and the reason in the refusal', () => {
    expect(() => authorize(caller(['PMO_HEAD'], [HOME]), 'plan.submit', { pmoId: AWAY })).toThrow(
      `missing permission plan.submit: ada@org.test holds it only in their own PMOs, and this concerns PMO ${AWAY}`,
    );
    expect(() => authorize(caller(['AUDITOR']), 'plan.submit', home)).toThrow('missing permission plan.submit: no role of ada@org.test (AUDITOR) holds it');
  });
});
