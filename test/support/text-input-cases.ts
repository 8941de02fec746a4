/**
 * Text that must never pass for a value: an empty string where null would mean "none", and text
 * whose only characters are invisible or reorder what is shown. Each case is a request that is
 * valid but for one field, so the service accepts it once that field is put right.
 */
import type { GraphQLClient } from './graphql-client';
import { daysFromToday, today } from './days';
import {
  APPROVE_PLAN,
  CANCEL_ACTIVITY,
  CLOSE_OBJECTIVE,
  CORRECT_WORK,
  DEFINE_OBJECTIVE,
  DRAFT_PLAN,
  ESTABLISH_PMO,
  ISSUE_MANDATE,
  LINK_ACTIVITY,
  LOG_WORK,
  PLAN_ACTIVITY,
  REASSIGN_ACTIVITY,
  RECORD_PROGRESS,
  RESCHEDULE_ACTIVITY,
  RETRACT_WORK,
  RETURN_PLAN,
  REVISE_OBJECTIVE,
  REVISE_PLAN,
  SUBMIT_PLAN,
  UNLINK_ACTIVITY,
} from './operations';
import { RENAME_PMO } from './hostile-requests';

export const ASSIGN_HEAD = `mutation($input: AssignPmoHeadInput!) { assignPmoHead(input: $input) { id head revision } }`;

/** A zero-width space and a right-to-left override: Unicode format characters, invisible themselves. */
export const ZWSP = '\u200B';
export const RLO = '\u202E';

/** Makes the entities a case acts on, each case its own, so that cases never depend on each other. */
export interface Makers {
  /** The admin who submits plans; `approver` approves them (no one approves their own). */
  readonly admin: GraphQLClient;
  readonly approver: GraphQLClient;
  pmo(): Promise<string>;
  objective(pmoId?: string): Promise<string>;
  plan(pmoId?: string): Promise<string>;
  submittedPlan(): Promise<string>;
  approvedPlan(): Promise<string>;
  /** An activity linked to one objective, and that objective. */
  linkedActivity(): Promise<{ activityId: string; objectiveId: string; pmoId: string }>;
  workEntry(): Promise<{ workEntryId: string; pmoId: string }>;
}

export interface TextCase {
  readonly name: string;
  readonly mutation: string;
  /** A valid input for the mutation, as the admin unless `client` says otherwise. */
  readonly valid: (m: Makers) => Promise<Record<string, unknown>>;
  readonly client?: (m: Makers) => GraphQLClient;
  /** The field given the hostile value, named as `extensions.field` names it. */
  readonly field: string;
  readonly value: string;
}

const optional = (mutation: string, field: string, valid: TextCase['valid'], extra: Partial<TextCase> = {}): TextCase => ({
  name: `${field} "" in ${mutation.match(/\{ (\w+)\(/)?.[1]}`,
  mutation,
  valid,
  field,
  value: '',
  ...extra,
});

const hostile = (mutation: string, field: string, value: string, what: string, valid: TextCase['valid'], extra: Partial<TextCase> = {}): TextCase => ({
  name: `${field} of ${what} in ${mutation.match(/\{ (\w+)\(/)?.[1]}`,
  mutation,
  valid,
  field,
  value,
  ...extra,
});

const approver = (m: Makers) => m.approver;
const work = (pmoId: string, extra: Record<string, unknown> = {}) => ({ pmoId, workedOn: daysFromToday(-1), hours: 1, description: 'Reviewed the roadmap', ...extra });
const objectiveIn = (pmoId: string) => ({
  pmoId,
  title: 'Projects delivered on time',
  metric: { name: 'On-time delivery', unit: '%', baseline: 40, target: 80 },
  dueOn: daysFromToday(200),
  owner: 'Grace',
});
const activityIn = (planId: string) => ({ planId, title: 'Stage-gate reviews', responsible: 'Grace', mode: 'DIRECT', startsOn: daysFromToday(-10), endsOn: daysFromToday(60) });
const mandateIn = (pmoId: string) => ({ pmoId, purpose: 'GOVERNANCE', statement: 'Assure delivery', sponsor: 'CFO', effectiveFrom: '2026-01-01' });
const withMandate = async (m: Makers) => {
  const pmoId = await m.pmo();
  await m.admin.ok(ISSUE_MANDATE, { input: mandateIn(pmoId) });
  return { ...mandateIn(pmoId), statement: 'Assure delivery and benefits', reason: 'Board decision' };
};

/** Every optional id or text of every mutation, given as "": none may be taken for "absent". */
export const emptyOptionals: TextCase[] = [
  optional(ESTABLISH_PMO, 'parentId', async () => ({ name: 'Delivery office', kind: 'PROJECT' })),
  optional(ESTABLISH_PMO, 'head', async () => ({ name: 'Delivery office', kind: 'PROJECT' })),
  optional(ESTABLISH_PMO, 'commandId', async () => ({ name: 'Delivery office', kind: 'PROJECT' })),
  optional(RENAME_PMO, 'commandId', async (m) => ({ pmoId: await m.pmo(), name: 'Renamed office' })),
  optional(ASSIGN_HEAD, 'head', async (m) => ({ pmoId: await m.pmo(), head: 'Grace' })),
  optional(ISSUE_MANDATE, 'reason', async (m) => mandateIn(await m.pmo())),
  optional(DEFINE_OBJECTIVE, 'description', async (m) => objectiveIn(await m.pmo())),
  optional(REVISE_OBJECTIVE, 'title', async (m) => ({ objectiveId: await m.objective(), dueOn: daysFromToday(250), reason: 'Later board' })),
  optional(RECORD_PROGRESS, 'note', async (m) => ({ objectiveId: await m.objective(), value: 50, measuredOn: today() })),
  optional(SUBMIT_PLAN, 'reason', async (m) => ({ planId: await m.plan() })),
  optional(APPROVE_PLAN, 'reason', async (m) => ({ planId: await m.submittedPlan() }), { client: approver }),
  optional(RETURN_PLAN, 'reason', async (m) => ({ planId: await m.submittedPlan(), reason: 'Add the effort' }), { client: approver }),
  optional(REVISE_PLAN, 'reason', async (m) => ({ planId: await m.approvedPlan() })),
  optional(PLAN_ACTIVITY, 'description', async (m) => activityIn(await m.plan())),
  optional(REASSIGN_ACTIVITY, 'reason', async (m) => ({ activityId: (await m.linkedActivity()).activityId, responsible: 'Lin' })),
  optional(LOG_WORK, 'activityId', async (m) => work(await m.pmo())),
  optional(LOG_WORK, 'person', async (m) => work(await m.pmo())),
  optional(CORRECT_WORK, 'activityId', async (m) => ({ workEntryId: (await m.workEntry()).workEntryId, hours: 2, reason: 'Miscounted' })),
  optional(CORRECT_WORK, 'person', async (m) => ({ workEntryId: (await m.workEntry()).workEntryId, hours: 2, reason: 'Miscounted' })),
  optional(CORRECT_WORK, 'description', async (m) => ({ workEntryId: (await m.workEntry()).workEntryId, hours: 2, reason: 'Miscounted' })),
];

/** Reasons, names and people whose only "characters" show nothing, or hide or reverse text. */
export const invisibleTexts: TextCase[] = [
  hostile(CLOSE_OBJECTIVE, 'reason', ZWSP, 'a zero-width space', async (m) => ({ objectiveId: await m.objective(), outcome: 'ABANDONED', reason: 'Merged' })),
  hostile(CANCEL_ACTIVITY, 'reason', ZWSP, 'a zero-width space', async (m) => ({ activityId: (await m.linkedActivity()).activityId, reason: 'Dropped' })),
  hostile(RETRACT_WORK, 'reason', ZWSP, 'a zero-width space', async (m) => ({ workEntryId: (await m.workEntry()).workEntryId, reason: 'Duplicate' })),
  hostile(RESCHEDULE_ACTIVITY, 'reason', RLO, 'a right-to-left override', async (m) => ({
    activityId: (await m.linkedActivity()).activityId,
    startsOn: daysFromToday(-5),
    endsOn: daysFromToday(70),
    reason: 'Supplier late',
  })),
  hostile(REVISE_OBJECTIVE, 'reason', `${ZWSP}\u200C\u200D`, 'zero-width characters', async (m) => ({ objectiveId: await m.objective(), title: 'Projects on time', reason: 'Clearer' })),
  hostile(UNLINK_ACTIVITY, 'reason', `${RLO}\u202C`, 'bidi controls', async (m) => {
    const { activityId, objectiveId } = await m.linkedActivity();
    return { activityId, objectiveId, reason: 'No longer relevant' };
  }),
  hostile(ISSUE_MANDATE, 'reason', '\u2060\uFEFF\u2060', 'word joiners and a byte-order mark', withMandate),
  hostile(RETURN_PLAN, 'reason', '\u2066\u2069', 'a bidi isolate', async (m) => ({ planId: await m.submittedPlan(), reason: 'Add the effort' }), { client: approver }),
  hostile(ESTABLISH_PMO, 'name', `Delivery${ZWSP}office`, 'a zero-width space inside', async () => ({ name: 'Delivery office', kind: 'PROJECT' })),
  hostile(RENAME_PMO, 'name', `${RLO}eciffo yreviled`, 'a right-to-left override', async (m) => ({ pmoId: await m.pmo(), name: 'Delivery office' })),
  hostile(DRAFT_PLAN, 'title', `Plan${'\u00AD'}2026`, 'a soft hyphen', async (m) => ({ pmoId: await m.pmo(), title: 'Plan 2026', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) })),
  hostile(DEFINE_OBJECTIVE, 'owner', `Gra${'\u200D'}ce`, 'a zero-width joiner', async (m) => objectiveIn(await m.pmo())),
  hostile(PLAN_ACTIVITY, 'responsible', `Grace${'\u2062'}`, 'an invisible operator', async (m) => activityIn(await m.plan())),
  hostile(LOG_WORK, 'person', `ada${RLO}@pmo.example`, 'a right-to-left override', async (m) => work(await m.pmo(), { person: 'ada@pmo.example' })),
  hostile(LOG_WORK, 'description', `Reviewed ${RLO}pamdaor${'\u202C'} the plan`, 'a right-to-left override', async (m) => work(await m.pmo())),
  hostile(LINK_ACTIVITY, 'rationale', '\u202D', 'a left-to-right override', async (m) => {
    const { activityId, pmoId } = await m.linkedActivity();
    return { activityId, objectiveId: await m.objective(pmoId), rationale: 'Reviews apply the method' };
  }),
];

/** The entities a case needs, made through the service itself. */
export const makersFor = (admin: GraphQLClient, approverClient: GraphQLClient): Makers => {
  const id = async (client: GraphQLClient, mutation: string, input: Record<string, unknown>) =>
    (Object.values(await client.ok(mutation, { input }))[0] as { id: string }).id;
  const pmo = () => id(admin, ESTABLISH_PMO, { name: 'Case office', kind: 'PROGRAMME' });
  const plan = async (pmoId?: string) =>
    id(admin, DRAFT_PLAN, { pmoId: pmoId ?? (await pmo()), title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) });
  const objective = async (pmoId?: string) => id(admin, DEFINE_OBJECTIVE, objectiveIn(pmoId ?? (await pmo())));
  const submittedPlan = async () => {
    const planId = await plan();
    await admin.ok(SUBMIT_PLAN, { input: { planId } });
    return planId;
  };
  return {
    admin,
    approver: approverClient,
    pmo,
    objective,
    plan,
    submittedPlan,
    approvedPlan: async () => {
      const planId = await submittedPlan();
      await approverClient.ok(APPROVE_PLAN, { input: { planId } });
      return planId;
    },
    linkedActivity: async () => {
      const pmoId = await pmo();
      const objectiveId = await objective(pmoId);
      const contributions = [{ objectiveId, rationale: 'Reviews catch slipping projects early' }];
      const activityId = await id(admin, PLAN_ACTIVITY, { ...activityIn(await plan(pmoId)), contributions });
      return { activityId, objectiveId, pmoId };
    },
    workEntry: async () => {
      const pmoId = await pmo();
      return { workEntryId: await id(admin, LOG_WORK, work(pmoId, { person: 'ada@pmo.example' })), pmoId };
    },
  };
};
