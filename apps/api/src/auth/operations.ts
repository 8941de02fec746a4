import type { ActivityState, ObjectiveState, WorkState } from '@throughline/domain';
import type { Existing } from '../common/existing';
import { EntityType } from '../graphql/enums';
import type { Scope } from './authorize';
import type { Permission } from './permissions';
import type { Principal } from '@throughline/runtime';
import type { ScopedKind, ScopeLookup } from './scope-lookup';

/** What a scope is worked out from: the operation's arguments, the caller, and the read models. */
export interface ScopeRequest {
  readonly args: Readonly<Record<string, unknown>>;
  readonly principal: Principal;
  readonly lookup: ScopeLookup;
}

export type ScopeSource = (request: ScopeRequest) => Promise<Scope>;

export interface OperationRule {
  readonly permission: Permission;
  readonly scope: ScopeSource;
}

/** The argument at a dotted path: `input.pmoId`. */
const argAt = (args: Readonly<Record<string, unknown>>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), args);

const text = (value: unknown): string | null => (typeof value === 'string' ? value.trim() : null);

// ---- scope sources ----

const everyPmo: ScopeSource = async () => ({ pmoId: null });

/** The PMO of the entity named at `path` (the entity itself for a PMO), and whom it concerns. */
const entityAt =
  <S extends { readonly status: string }>(
    kind: ScopedKind,
    path: string,
    people?: (state: Existing<S>, request: ScopeRequest) => readonly string[] | null,
  ): ScopeSource =>
  async (request) => {
    const field = path.replace(/^input\./, '');
    const { pmoId, state } = await request.lookup.entity<S>(kind, argAt(request.args, path), field);
    return people ? { pmoId, people: people(state, request) } : { pmoId };
  };

/** A PMO named at `path`, or every PMO when the argument is left out (an unfiltered audit log). */
const pmoOrEveryAt =
  (path: string, field: string): ScopeSource =>
  (request) => {
    const value = argAt(request.args, path);
    if (value === null || value === undefined) return everyPmo(request);
    return (async () => ({ pmoId: (await request.lookup.entity('pmo', value, field)).pmoId }))();
  };

const ENTITY_TYPE_KINDS: Record<EntityType, ScopedKind> = {
  [EntityType.PMO]: 'pmo',
  [EntityType.OBJECTIVE]: 'objective',
  [EntityType.BUSINESS_PLAN]: 'plan',
  [EntityType.ACTIVITY]: 'activity',
  [EntityType.WORK_ENTRY]: 'work',
};

/** The entity an `EntityRef` argument names. */
const entityRefAt =
  (path: string): ScopeSource =>
  async (request) => {
    const ref = argAt(request.args, path) as { type?: EntityType; id?: unknown } | undefined;
    const kind = ref?.type ? ENTITY_TYPE_KINDS[ref.type] : undefined;
    if (!kind) return everyPmo(request);
    return { pmoId: (await request.lookup.entity(kind, ref?.id, `${path}.id`)).pmoId };
  };

const pmo = (path: string) => entityAt('pmo', path);
const objective = (path: string) => entityAt('objective', path);
const plan = (path: string) => entityAt('plan', path);
const activity = (path: string) => entityAt('activity', path);

const ownedObjective = (path: string) => entityAt<ObjectiveState>('objective', path, (state) => [state.owner]);
const activityResponsible = (path: string) => entityAt<ActivityState>('activity', path, (state) => [state.responsible]);
const workOf = (path: string) => entityAt<WorkState>('work', path, (state) => [state.person]);

/** Logged work is the caller's own unless the input names someone else, exactly as logWork decides. */
const loggedWork: ScopeSource = (request) =>
  entityAt('pmo', 'input.pmoId', (_state, { args, principal }) => [text(argAt(args, 'input.person')) ?? principal.subject])(request);

/** A correction concerns the person the entry is of and the person it ends up with. */
const correctedWork: ScopeSource = (request) =>
  entityAt<WorkState>('work', 'input.workEntryId', (state, { args }) => [state.person, text(argAt(args, 'input.person')) || state.person])(request);

/** A listing narrowed to one person concerns that person; an unnarrowed one concerns anyone. */
const listedWork: ScopeSource = (request) =>
  entityAt('pmo', 'pmoId', (_state, { args }) => {
    const person = text(argAt(args, 'person'));
    return person ? [person] : null;
  })(request);

/**
 * Every root GraphQL field and the permission it needs, over what. An operation missing here is
 * refused to everyone (see AuthorizationGuard): a new operation is closed until it is listed.
 */
export const GRAPHQL_OPERATIONS: Readonly<Record<string, OperationRule>> = {
  // PMOs and mandates
  establishPmo: { permission: 'pmo.manage', scope: everyPmo },
  renamePmo: { permission: 'pmo.manage', scope: pmo('input.pmoId') },
  assignPmoHead: { permission: 'pmo.manage', scope: pmo('input.pmoId') },
  issueMandate: { permission: 'mandate.issue', scope: pmo('input.pmoId') },
  // objectives
  defineObjective: { permission: 'objective.manage', scope: pmo('input.pmoId') },
  reviseObjective: { permission: 'objective.manage', scope: objective('input.objectiveId') },
  closeObjective: { permission: 'objective.manage', scope: objective('input.objectiveId') },
  recordProgress: { permission: 'objective.progress', scope: ownedObjective('input.objectiveId') },
  // business plans
  draftBusinessPlan: { permission: 'plan.edit', scope: pmo('input.pmoId') },
  reviseBusinessPlan: { permission: 'plan.edit', scope: plan('input.planId') },
  submitBusinessPlan: { permission: 'plan.submit', scope: plan('input.planId') },
  approveBusinessPlan: { permission: 'plan.review', scope: plan('input.planId') },
  returnBusinessPlan: { permission: 'plan.review', scope: plan('input.planId') },
  // activities
  planActivity: { permission: 'activity.manage', scope: plan('input.planId') },
  linkActivityToObjective: { permission: 'activity.manage', scope: activity('input.activityId') },
  unlinkActivityFromObjective: { permission: 'activity.manage', scope: activity('input.activityId') },
  rescheduleActivity: { permission: 'activity.manage', scope: activity('input.activityId') },
  reassignActivity: { permission: 'activity.manage', scope: activity('input.activityId') },
  cancelActivity: { permission: 'activity.manage', scope: activity('input.activityId') },
  completeActivity: { permission: 'activity.complete', scope: activityResponsible('input.activityId') },
  // work
  logWork: { permission: 'work.record', scope: loggedWork },
  correctWork: { permission: 'work.record', scope: correctedWork },
  retractWork: { permission: 'work.record', scope: workOf('input.workEntryId') },
  // reading the record
  pmos: { permission: 'records.read', scope: everyPmo },
  pmo: { permission: 'records.read', scope: pmo('id') },
  objective: { permission: 'records.read', scope: objective('id') },
  portfolio: { permission: 'records.read', scope: everyPmo },
  businessPlan: { permission: 'records.read', scope: plan('id') },
  planComparison: { permission: 'records.read', scope: plan('planId') },
  activity: { permission: 'records.read', scope: activity('id') },
  alignment: { permission: 'records.read', scope: pmo('pmoId') },
  workEntry: { permission: 'work.read', scope: workOf('id') },
  workEntries: { permission: 'work.read', scope: listedWork },
  purposeChain: { permission: 'work.read', scope: workOf('workEntryId') },
  // the record's own history
  history: { permission: 'audit.read', scope: entityRefAt('entity') },
  auditLog: { permission: 'audit.read', scope: pmoOrEveryAt('filter.pmoId', 'filter.pmoId') },
  verifyIntegrity: { permission: 'integrity.verify', scope: pmoOrEveryAt('pmoId', 'pmoId') },
};

/**
 * HTTP routes served by Nest controllers that need a permission, keyed `METHOD /path`; their
 * arguments are the query string. A route missing here (health, readiness) is open.
 */
export const HTTP_OPERATIONS: Readonly<Record<string, OperationRule>> = {
  'GET /export/audit.ndjson': { permission: 'audit.export', scope: pmoOrEveryAt('pmoId', 'pmoId') },
};
