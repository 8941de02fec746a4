import {
  activityDecider,
  objectiveDecider,
  planDecider,
  pmoDecider,
  type LocalDate,
  type PlannedContribution,
} from '@throughline/domain';
import { seedCatalogues, seedTemplates } from './catalogues';
import type { ActivitySeed, ObjectiveSeed, PmoSeed } from './organisation';
import { seedCommand, type SeedCommand } from './seed-writer';
import { MANDATE_STATEMENTS } from './vocabulary';
import type { SeedWorld } from './world';

export const stream = (category: 'pmo' | 'objective' | 'plan' | 'activity' | 'work' | 'template', id: string): string => `${category}-${id}`;

/**
 * December before the year: the offices are established top down and given mandates, define
 * their objectives, draft a business plan with the whole team, submit it (one in five is sent
 * back once with a reason) and have it approved before the year starts. Between those, every
 * office declares its services and tools, and a few programme offices share their plans as templates.
 */
export async function setUpOrganisation(world: SeedWorld): Promise<void> {
  const { organisation, random } = world;
  const { year, pmos } = organisation;
  const december = (day: number, time: string) => `${year - 1}-12-${String(day).padStart(2, '0')}T${time}:00.000Z`;

  // Parents before children: each level is one batch.
  for (const [kind, time] of [['PORTFOLIO', '09:00'], ['PROGRAMME', '10:00'], ['PROJECT', '11:00']] as const) {
    await world.batch(
      december(1, time),
      pmos.filter((pmo) => pmo.kind === kind).map((pmo) => establish(pmo, world)),
    );
  }
  await world.batch(december(2, '09:00'), pmos.map((pmo) => mandate(pmo, `${year}-01-01`, null, world)));
  await seedCatalogues(world, year);
  await world.batch(
    december(5, '10:00'),
    pmos.flatMap((pmo) => pmo.objectives.map((objective) => defineObjective(pmo, objective, world))),
  );
  await world.batch(
    december(8, '09:00'),
    pmos.map((pmo) =>
      seedCommand(planDecider, {
        streamId: stream('plan', pmo.planId),
        command: { type: 'DraftBusinessPlan', planId: pmo.planId, pmoId: pmo.id, title: `${pmo.name} plan ${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` },
        actor: pmo.head,
        events: 1,
        commandId: world.maybeCommandId(),
      }),
    ),
  );
  await world.batch(
    december(10, '10:00'),
    pmos.flatMap((pmo) => pmo.activities.map((activity) => planActivity(pmo, activity, world))),
  );
  await world.batch(december(17, '16:00'), pmos.map((pmo) => planTransition(pmo, 'SubmitBusinessPlan', world)));
  const returned = pmos.filter(() => random.chance(0.2));
  await world.batch(december(18, '11:00'), returned.map((pmo) => planTransition(pmo, 'ReturnBusinessPlan', world, 'Show how each objective is staffed')));
  await world.batch(december(19, '15:00'), returned.map((pmo) => planTransition(pmo, 'SubmitBusinessPlan', world)));
  await world.batch(december(22, '10:00'), pmos.map((pmo) => planTransition(pmo, 'ApproveBusinessPlan', world)));
  await seedTemplates(world, year);
}

const establish = (pmo: PmoSeed, world: SeedWorld): SeedCommand =>
  seedCommand(pmoDecider, {
    streamId: stream('pmo', pmo.id),
    command: {
      type: 'EstablishPmo',
      pmoId: pmo.id,
      name: pmo.name,
      kind: pmo.kind,
      parent: pmo.parent ? { pmoId: pmo.parent.id, kind: pmo.parent.kind } : null,
      head: pmo.head,
    },
    actor: pmo.parent?.head ?? pmo.head,
    events: 1,
    commandId: world.maybeCommandId(),
  });

export const mandate = (pmo: PmoSeed, effectiveFrom: LocalDate, reason: string | null, world: SeedWorld, statement?: string): SeedCommand =>
  seedCommand(pmoDecider, {
    streamId: stream('pmo', pmo.id),
    command: {
      type: 'IssueMandate',
      pmoId: pmo.id,
      purpose: pmo.purpose,
      statement: statement ?? MANDATE_STATEMENTS[pmo.purpose],
      sponsor: pmo.sponsor,
      effectiveFrom,
      reason,
    },
    actor: pmo.head,
    ...(reason ? { reason } : {}),
    events: 1,
    commandId: world.maybeCommandId(),
  });

export const defineObjective = (pmo: PmoSeed, objective: ObjectiveSeed, world: SeedWorld): SeedCommand =>
  seedCommand(objectiveDecider, {
    streamId: stream('objective', objective.id),
    command: {
      type: 'DefineObjective',
      objectiveId: objective.id,
      pmoId: pmo.id,
      title: objective.title,
      description: null,
      metric: { name: objective.template.metric, unit: objective.template.unit, baseline: objective.template.baseline, target: objective.template.target },
      startsOn: objective.startsOn,
      dueOn: objective.dueOn,
      owner: objective.owner,
    },
    actor: pmo.head,
    events: 1,
    commandId: world.maybeCommandId(),
  });

/** Plans the activity with the contributions it was designed with; objectives already closed are left out. */
export const planActivity = (pmo: PmoSeed, activity: ActivitySeed, world: SeedWorld): SeedCommand => {
  const contributions: PlannedContribution[] = activity.contributions
    .map(({ objective, weight }) => ({ objective: pmo.objectives[objective] as ObjectiveSeed, weight }))
    .filter(({ objective }) => world.isActiveObjective(objective.id))
    .map(({ objective, weight }) => ({
      objective: world.objectiveSnapshot(objective.id),
      rationale: `${activity.title} moves "${objective.title}"`,
      weight: weight === 1 ? null : weight,
    }));
  return seedCommand(activityDecider, {
    streamId: stream('activity', activity.id),
    command: {
      type: 'PlanActivity',
      activityId: activity.id,
      plan: world.planSnapshot(pmo.planId),
      title: activity.title,
      description: null,
      responsible: activity.responsible,
      mode: activity.mode,
      startsOn: activity.startsOn,
      endsOn: activity.endsOn,
      effortEstimateHours: activity.effortEstimateHours,
      contributions,
    },
    actor: pmo.head,
    events: 1 + contributions.length,
    commandId: world.maybeCommandId(),
  });
};

type Transition = 'SubmitBusinessPlan' | 'ApproveBusinessPlan' | 'ReturnBusinessPlan' | 'ReviseBusinessPlan';

export const planTransition = (pmo: PmoSeed, type: Transition, world: SeedWorld, reason: string | null = null): SeedCommand => {
  // The head submits and revises; the office above (or the sponsor, at the top) returns or
  // approves: whoever submitted a version never approves it.
  const approver = pmo.parent?.head ?? `${pmo.sponsor.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`;
  const actor = type === 'ApproveBusinessPlan' || type === 'ReturnBusinessPlan' ? approver : pmo.head;
  const command = type === 'ReturnBusinessPlan' ? { type, planId: pmo.planId, reason: reason ?? 'Needs rework' } : { type, planId: pmo.planId, reason };
  return seedCommand(planDecider, {
    streamId: stream('plan', pmo.planId),
    command,
    actor,
    ...(reason ? { reason } : {}),
    events: 1,
    commandId: world.maybeCommandId(),
  });
};
