import { activityDecider, maxDate, objectiveDecider, pmoDecider, type ActivityState, type LocalDate } from '@throughline/domain';
import type { ActivitySeed, ObjectiveSeed, PmoSeed } from './organisation';
import { defineObjective, mandate, planActivity, planTransition, stream } from './setup';
import { seedCommand, type SeedCommand } from './seed-writer';
import { MANDATE_STATEMENTS, activityTitle } from './vocabulary';
import type { SeedWorld } from './world';

type Planned = Extract<ActivityState, { status: 'PLANNED' }>;

/**
 * The dated changes of a year (documented in bench/README.md): links made late, backdated and
 * ended, reassignments, target and due-date revisions, a mandate revision, first-half activities
 * completed and objectives closed, a mid-year plan revision with new objectives and activities,
 * renames, cancellations and abandonments. Each runs once, on its day.
 */
export class Milestones {
  private revised: PmoSeed[] = [];
  private returned: PmoSeed[] = [];

  constructor(private readonly world: SeedWorld) {}

  async run(day: LocalDate): Promise<void> {
    const { world } = this;
    const { random } = world;
    const year = world.organisation.year;
    const at = (time: string) => `${day}T${time}:00.000Z`;
    const pmos = world.organisation.pmos;
    switch (day.slice(5)) {
      case '02-10': // links made today: earlier work on these activities stays unaligned
        return world.batch(at('10:00'), this.planned().filter((a) => openLinks(a).length === 0 && random.chance(0.3)).flatMap((a) => this.link(a, null)));
      case '03-03':
        return world.batch(
          at('11:00'),
          this.planned()
            .filter(() => random.chance(0.05))
            .map((a) => {
              const pmo = this.pmoOf(a);
              const responsible = random.pick(pmo.staff.filter((p) => p !== a.responsible).concat(pmo.head));
              return seedCommand(activityDecider, {
                streamId: stream('activity', a.activityId),
                command: { type: 'ReassignActivity', activityId: a.activityId, responsible, reason: 'Workload rebalanced' },
                actor: pmo.head,
                reason: 'Workload rebalanced',
                events: responsible === a.responsible ? 0 : 1,
              });
            }),
        );
      case '04-01':
        await world.batch(at('10:00'), this.activeObjectives().filter(() => random.chance(0.25)).map((o) => this.reviseTarget(o)));
        // backdated links: they re-credit the first quarter's work
        return world.batch(at('11:00'), this.planned().filter(() => random.chance(0.08)).flatMap((a) => this.link(a, maxDate(a.startsOn, `${year}-01-01`))));
      case '05-15':
        return world.batch(
          at('14:00'),
          this.planned().flatMap((a) =>
            openLinks(a)
              .filter(() => random.chance(0.05))
              .map((link) =>
                seedCommand(activityDecider, {
                  streamId: stream('activity', a.activityId),
                  command: { type: 'UnlinkActivityFromObjective', activityId: a.activityId, plan: world.planSnapshot(a.planId), objectiveId: link.objectiveId, reason: 'Now served by the supplier' },
                  actor: this.pmoOf(a).head,
                  reason: 'Now served by the supplier',
                  events: 1,
                }),
              ),
          ),
        );
      case '06-15':
        return world.batch(
          at('10:00'),
          pmos
            .filter(() => random.chance(0.3))
            .map((pmo) => mandate(pmo, `${year}-07-01`, 'Mid-year review by the sponsor', world, `${MANDATE_STATEMENTS[pmo.purpose]}, and report benefits quarterly`)),
        );
      case '06-30': // first-half activities are done
        return world.batch(at('18:30'), this.planned().filter((a) => a.endsOn === day).map((a) => this.complete(a)));
      case '07-01': {
        const h1 = this.activeObjectives().filter((o) => o.dueOn < day);
        await world.batch(at('09:00'), h1.map((o) => this.close(o, o.performance >= 0.9 ? 'ACHIEVED' : 'MISSED', 'Half-year result')));
        this.revised = pmos.filter(() => random.chance(0.5));
        await world.batch(at('10:00'), this.revised.map((pmo) => planTransition(pmo, 'ReviseBusinessPlan', world, 'Second-half priorities')));
        const fresh = this.revised.map((pmo) => this.newObjective(pmo, day));
        return world.batch(at('11:00'), fresh.map(({ pmo, objective }) => defineObjective(pmo, objective, world)));
      }
      case '07-02': {
        const added = this.revised.flatMap((pmo) => Array.from({ length: random.int(1, 2) }, () => ({ pmo, activity: this.newActivity(pmo, day) })));
        await world.batch(at('10:00'), added.map(({ pmo, activity }) => planActivity(pmo, activity, world)));
        return world.batch(at('11:00'), this.revised.flatMap((pmo) => this.startEarlier(pmo)));
      }
      case '07-06':
        return world.batch(at('16:00'), this.revised.map((pmo) => planTransition(pmo, 'SubmitBusinessPlan', world)));
      case '07-07':
        this.returned = this.revised.filter(() => random.chance(0.2));
        return world.batch(at('11:00'), this.returned.map((pmo) => planTransition(pmo, 'ReturnBusinessPlan', world, 'Link the new activities to the mandate')));
      case '07-08':
        return world.batch(at('15:00'), this.returned.map((pmo) => planTransition(pmo, 'SubmitBusinessPlan', world)));
      case '07-09':
        return world.batch(at('10:00'), this.revised.map((pmo) => planTransition(pmo, 'ApproveBusinessPlan', world)));
      case '09-01':
        await world.batch(at('10:00'), this.activeObjectives().filter(() => random.chance(0.1)).map((o) => this.moveDueDate(o)));
        return world.batch(
          at('11:00'),
          pmos
            .filter(() => random.chance(0.05))
            .map((pmo) =>
              seedCommand(pmoDecider, {
                streamId: stream('pmo', pmo.id),
                command: { type: 'RenamePmo', pmoId: pmo.id, name: `${pmo.name} and Delivery Assurance` },
                actor: pmo.parent?.head ?? pmo.head,
                events: 1,
              }),
            ),
        );
      case '10-01':
        await world.batch(
          at('10:00'),
          this.planned()
            .filter(() => random.chance(0.03))
            .map((a) =>
              seedCommand(activityDecider, {
                streamId: stream('activity', a.activityId),
                command: { type: 'CancelActivity', activityId: a.activityId, plan: world.planSnapshot(a.planId), reason: 'Descoped at the Q3 review' },
                actor: this.pmoOf(a).head,
                reason: 'Descoped at the Q3 review',
                events: 1,
              }),
            ),
        );
        return world.batch(at('11:00'), this.activeObjectives().filter(() => random.chance(0.03)).map((o) => this.close(o, 'ABANDONED', 'No longer a priority')));
      case '12-31':
        return world.batch(at('18:30'), this.planned().filter(() => random.chance(0.3)).map((a) => this.complete(a)));
      default:
        return;
    }
  }

  private planned(): Planned[] {
    return [...this.world.activities.values()].filter((a): a is Planned => a.status === 'PLANNED');
  }

  private activeObjectives(): ObjectiveSeed[] {
    return this.world.organisation.pmos.flatMap((pmo) => pmo.objectives).filter((o) => this.world.isActiveObjective(o.id));
  }

  private pmoOf(activity: Planned): PmoSeed {
    const pmo = this.world.organisation.pmos.find((p) => p.id === activity.pmoId);
    if (!pmo) throw new Error(`no office ${activity.pmoId}`);
    return pmo;
  }

  /** A link to an active objective of the activity's office it has never served. */
  private link(activity: Planned, effectiveFrom: LocalDate | null): SeedCommand[] {
    const pmo = this.pmoOf(activity);
    const served = this.world.servedObjectives.get(activity.activityId) ?? new Set<string>();
    const candidates = pmo.objectives.filter((o) => !served.has(o.id) && this.world.isActiveObjective(o.id));
    if (candidates.length === 0) return [];
    const objective = this.world.random.pick(candidates);
    return [
      seedCommand(activityDecider, {
        streamId: stream('activity', activity.activityId),
        command: {
          type: 'LinkActivityToObjective',
          activityId: activity.activityId,
          plan: this.world.planSnapshot(activity.planId),
          objective: this.world.objectiveSnapshot(objective.id),
          rationale: `${this.world.activityTitles.get(activity.activityId)} now also serves "${objective.title}"`,
          weight: null,
          effectiveFrom,
        },
        actor: pmo.head,
        events: 1,
        commandId: this.world.maybeCommandId(),
      }),
    ];
  }

  private complete(activity: Planned): SeedCommand {
    return seedCommand(activityDecider, {
      streamId: stream('activity', activity.activityId),
      command: { type: 'CompleteActivity', activityId: activity.activityId },
      actor: activity.responsible,
      events: 1,
    });
  }

  private reviseTarget(objective: ObjectiveSeed): SeedCommand {
    const state = this.world.objectives.get(objective.id);
    if (state?.status !== 'ACTIVE') throw new Error(`objective ${objective.id} is not active`);
    const { baseline, target } = state.metric;
    const raise = this.world.random.chance(0.6);
    const next = Math.round((target + (target - baseline) * (raise ? 0.15 : -0.1)) * 100) / 100;
    const reason = raise ? 'The sponsor raised the bar' : 'Capacity was cut in the spring review';
    return seedCommand(objectiveDecider, {
      streamId: stream('objective', objective.id),
      command: { type: 'ReviseObjective', objectiveId: objective.id, target: next, reason },
      actor: this.world.organisation.pmos.find((p) => p.objectives.includes(objective))?.head ?? objective.owner,
      reason,
      events: next === target ? 0 : 1,
    });
  }

  private moveDueDate(objective: ObjectiveSeed): SeedCommand {
    const state = this.world.objectives.get(objective.id);
    if (state?.status !== 'ACTIVE') throw new Error(`objective ${objective.id} is not active`);
    const dueOn = new Date(Date.parse(`${state.dueOn}T00:00:00.000Z`) + 31 * 86_400_000).toISOString().slice(0, 10);
    return seedCommand(objectiveDecider, {
      streamId: stream('objective', objective.id),
      command: { type: 'ReviseObjective', objectiveId: objective.id, dueOn, reason: 'Go-live moved by a month' },
      actor: objective.owner,
      reason: 'Go-live moved by a month',
      events: 1,
    });
  }

  private close(objective: ObjectiveSeed, outcome: 'ACHIEVED' | 'MISSED' | 'ABANDONED', reason: string): SeedCommand {
    return seedCommand(objectiveDecider, {
      streamId: stream('objective', objective.id),
      command: { type: 'CloseObjective', objectiveId: objective.id, outcome, reason },
      actor: objective.owner,
      reason,
      events: 1,
    });
  }

  /** A second-half objective, added to the office's list so it is measured from now on. */
  private newObjective(pmo: PmoSeed, day: LocalDate): { pmo: PmoSeed; objective: ObjectiveSeed } {
    const { random } = this.world;
    const template = random.pick(pmo.objectives).template;
    const objective: ObjectiveSeed = {
      id: random.uuid(),
      template,
      title: `${template.title} in the second half`,
      startsOn: day,
      dueOn: `${this.world.organisation.year}-12-31`,
      owner: random.pick(pmo.staff),
      performance: 0.5 + random.next() * 0.7,
      cadence: 'MONTHLY',
    };
    pmo.objectives.push(objective);
    return { pmo, objective };
  }

  /** A second-half activity serving the office's newest objective; a third of the staff take it up. */
  private newActivity(pmo: PmoSeed, day: LocalDate): ActivitySeed {
    const { random } = this.world;
    const mode = random.chance(0.6) ? 'DIRECT' : 'SUPERVISED';
    const activity: ActivitySeed = {
      id: random.uuid(),
      title: activityTitle(mode, pmo.activities.length),
      mode,
      responsible: random.pick(pmo.staff),
      startsOn: day,
      endsOn: `${this.world.organisation.year}-12-31`,
      effortEstimateHours: random.pick([80, 120, 200]),
      contributions: [{ objective: pmo.objectives.length - 1, weight: 1 }],
    };
    pmo.activities.push(activity);
    for (const email of random.sample(pmo.staff, Math.max(1, Math.round(pmo.staff.length / 3)))) this.world.person(email)?.home.push(activity);
    return activity;
  }

  /** An activity that started in spring is found to have begun in February: its links move with it. */
  private startEarlier(pmo: PmoSeed): SeedCommand[] {
    const year = this.world.organisation.year;
    const late = this.planned().find((a) => a.pmoId === pmo.id && a.startsOn > `${year}-02-01` && a.startsOn <= `${year}-04-01`);
    if (!late) return [];
    return [
      seedCommand(activityDecider, {
        streamId: stream('activity', late.activityId),
        command: { type: 'RescheduleActivity', activityId: late.activityId, plan: this.world.planSnapshot(late.planId), startsOn: `${year}-02-01`, endsOn: late.endsOn, reason: 'Work started in February' },
        actor: pmo.head,
        reason: 'Work started in February',
        events: 1,
      }),
    ];
  }
}

const openLinks = (activity: Planned) => activity.openLinks;
