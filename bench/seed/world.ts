import type {
  ActivityCommand,
  ActivitySnapshot,
  ActivityState,
  FeedbackState,
  LocalDate,
  ObjectiveSnapshot,
  ObjectiveState,
  PlanCommand,
  PlanSnapshot,
  PlanState,
} from '@throughline/domain';
import type { CommandOutcome } from '@throughline/event-store';
import type { Random } from '../support/random';
import type { Organisation, PersonSeed } from './organisation';
import type { SeedCommand, SeedWriter } from './seed-writer';

/** A work entry as the generator last left it, to correct or retract it later. */
export interface LoggedEntry {
  readonly id: string;
  readonly pmoId: string;
  person: string;
  workedOn: LocalDate;
  hours: number;
  activityId: string | null;
  description: string;
}

/** The share of each kind of change, as the generator counts them for its summary. */
export type Tally = Record<string, number>;

/**
 * What the generator knows while it runs: the folded state of every PMO-level entity (from the
 * command outcomes, as the API would read them), each person's hours per day across PMOs, and
 * the entries open to correction.
 */
export class SeedWorld {
  readonly plans = new Map<string, PlanState>();
  readonly objectives = new Map<string, ObjectiveState>();
  readonly activities = new Map<string, ActivityState>();
  readonly feedback = new Map<string, FeedbackState>();
  /**
   * What the generator needs besides the deciders' states, which hold only what decisions read:
   * each plan's period, each activity's title and every objective it was ever linked to.
   */
  private readonly planPeriods = new Map<string, { readonly periodStart: LocalDate; readonly periodEnd: LocalDate }>();
  readonly activityTitles = new Map<string, string>();
  readonly servedObjectives = new Map<string, Set<string>>();
  /** Non-retracted hours per `person|day`: what the API's 24-hour check reads. */
  private readonly dayHours = new Map<string, number>();
  readonly commands: Tally = {};
  private readonly people: Map<string, PersonSeed>;

  constructor(
    readonly organisation: Organisation,
    readonly random: Random,
    readonly writer: SeedWriter,
  ) {
    this.people = new Map(organisation.people.map((person) => [person.email, person]));
  }

  person(email: string): PersonSeed | undefined {
    return this.people.get(email);
  }

  /** Runs a batch at `instant` and files every outcome's state under its entity. */
  async batch(instant: string, commands: readonly SeedCommand[]): Promise<void> {
    const outcomes = await this.writer.batch(instant, commands);
    outcomes.forEach((outcome, i) => {
      if (outcome) this.record(commands[i] as SeedCommand, outcome);
    });
  }

  planSnapshot(planId: string): PlanSnapshot {
    const plan = this.plans.get(planId);
    const period = this.planPeriods.get(planId);
    if (!plan || plan.status === 'NONE' || !period) throw new Error(`plan ${planId} was not drafted`);
    const { pmoId, status } = plan;
    const { periodStart, periodEnd } = period;
    return { planId, pmoId, status, periodStart, periodEnd };
  }

  objectiveSnapshot(objectiveId: string): ObjectiveSnapshot {
    const objective = this.objectives.get(objectiveId);
    if (!objective || objective.status === 'NONE') throw new Error(`objective ${objectiveId} was not defined`);
    return { objectiveId, pmoId: objective.pmoId, status: objective.status };
  }

  activitySnapshot(activityId: string): ActivitySnapshot {
    const activity = this.activities.get(activityId);
    if (!activity || activity.status === 'NONE') throw new Error(`activity ${activityId} was not planned`);
    return { activityId, pmoId: activity.pmoId, status: activity.status };
  }

  isActiveObjective(objectiveId: string): boolean {
    return this.objectives.get(objectiveId)?.status === 'ACTIVE';
  }

  /** An activity work can go to on `day`: planned (not done or cancelled) and running that day. */
  isOpenOn(activityId: string, day: LocalDate): boolean {
    const activity = this.activities.get(activityId);
    return activity?.status === 'PLANNED' && activity.startsOn <= day && day <= activity.endsOn;
  }

  hoursOn(person: string, day: LocalDate): number {
    return this.dayHours.get(`${person}|${day}`) ?? 0;
  }

  addHours(person: string, day: LocalDate, hours: number): void {
    const key = `${person}|${day}`;
    const total = (this.dayHours.get(key) ?? 0) + hours;
    if (total <= 1e-9) this.dayHours.delete(key);
    else this.dayHours.set(key, total);
  }

  /** A client-chosen idempotency key on a quarter of the commands, as some clients send one. */
  maybeCommandId(): string | undefined {
    return this.random.chance(0.25) ? this.random.uuid() : undefined;
  }

  private record(command: SeedCommand, outcome: CommandOutcome<unknown>): void {
    const type = (command.command as { type: string }).type;
    this.commands[type] = (this.commands[type] ?? 0) + 1;
    const [category] = command.streamId.split('-', 1);
    const id = command.streamId.slice((category as string).length + 1);
    this.remember(command.command, id);
    if (category === 'plan') this.plans.set(id, outcome.state as PlanState);
    else if (category === 'objective') this.objectives.set(id, outcome.state as ObjectiveState);
    else if (category === 'activity') this.activities.set(id, outcome.state as ActivityState);
    else if (category === 'feedback') this.feedback.set(id, outcome.state as FeedbackState);
  }

  private remember(command: unknown, id: string): void {
    const accepted = command as PlanCommand | ActivityCommand;
    if (accepted.type === 'DraftBusinessPlan') {
      this.planPeriods.set(id, { periodStart: accepted.periodStart, periodEnd: accepted.periodEnd });
    } else if (accepted.type === 'PlanActivity') {
      this.activityTitles.set(id, accepted.title);
      this.servedObjectives.set(id, new Set(accepted.contributions.map((c) => c.objective.objectiveId)));
    } else if (accepted.type === 'LinkActivityToObjective') {
      this.servedObjectives.get(id)?.add(accepted.objective.objectiveId);
    }
  }
}
