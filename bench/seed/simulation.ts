import { addDays, type LocalDate } from '@throughline/domain';
import type { EventStore } from '@throughline/event-store';
import { Random } from '../support/random';
import { logDay, reviewEntries } from './daily-work';
import { FeedbackRounds } from './feedback';
import { isWeekday, measurementsDue } from './measurements';
import { Milestones } from './milestones';
import { NetworkSeed } from './network';
import { SupportSeed } from './support';
import { InsightsSeed } from './insights';
import { ANCHOR_STAFF, layoutOrganisation } from './organisation';
import { setUpOrganisation } from './setup';
import { SeedWriter, type SimulatedClock } from './seed-writer';
import { StandardsSeed } from './standards';
import { SeedWorld, type LoggedEntry } from './world';

export interface SeedOptions {
  /** Exactly this many events are written. */
  readonly events: number;
  /** The calendar year simulated; it should lie in the past, since work is never logged in the future. */
  readonly year: number;
  readonly seed?: number;
  /** Called after each simulated day. */
  readonly onDay?: (day: LocalDate, appended: number) => void;
}

export interface SeedSummary {
  readonly events: number;
  readonly year: number;
  readonly seed: number;
  readonly people: number;
  readonly pmos: Record<string, number>;
  readonly objectives: number;
  readonly activities: number;
  /** Commands run, by type (a command may append several events). */
  readonly commands: Record<string, number>;
  /** The last day simulated: the year's 31 December unless the budget ran out earlier or later. */
  readonly lastDay: LocalDate;
  /** The programme office of (up to) 50 people whose year the alignment benchmark reads. */
  readonly anchor: { readonly pmoId: string; readonly people: number; readonly objectiveIds: string[]; readonly activityIds: string[] };
  readonly portfolioPmoId: string;
  /** Standards the portfolio office published, and the events of their adoptions, leeways and deviations. */
  readonly standards: number;
  readonly standardEvents: number;
  /** Every office's network: its contacts, the touchpoints of the year, and the events both took. */
  readonly network: { readonly contacts: number; readonly touchpoints: number; readonly events: number };
  /** Every office's support: its engagements, the sessions of the year, and the events both took. */
  readonly support: { readonly engagements: number; readonly sessions: number; readonly events: number };
  /** Every office's outside knowledge: communities joined, contributions, insights heard and decisions, the events they took, and the office that heard the most. */
  readonly insights: {
    readonly communities: number;
    readonly contributions: number;
    readonly insights: number;
    readonly decisions: number;
    readonly events: number;
    readonly busiestPmoId: string;
  };
}

/** Smallest budget that still sets an organisation up completely. */
export const MIN_SEED_EVENTS = 2000;

/**
 * Events one person's year adds, with their share of the office's objectives, plans and
 * activities; measured on generated years and used to size the organisation to the budget.
 */
const EVENTS_PER_PERSON_YEAR = 700;

/** People whose year of work comes closest to the budget without going over it. */
export const peopleFor = (events: number): number => Math.max(2, Math.floor(events / EVENTS_PER_PERSON_YEAR));

/**
 * Generates an organisation sized to the budget and lives through its year day by day through
 * the real command path: December set-up, then every day the morning corrections, progress
 * readings, the dated milestones and the evening's work. The calendar runs on past 31 December
 * if the budget is not spent, and stops at exactly `events` events.
 */
export async function seedOrganisation(store: EventStore, clock: SimulatedClock, options: SeedOptions): Promise<SeedSummary> {
  if (!Number.isInteger(options.events) || options.events < MIN_SEED_EVENTS) {
    throw new RangeError(`--events must be a whole number of at least ${MIN_SEED_EVENTS}, got ${options.events}`);
  }
  const seed = options.seed ?? 42;
  const random = new Random(seed);
  const organisation = layoutOrganisation(random, peopleFor(options.events), options.year);
  const writer = new SeedWriter(store, clock, options.events);
  const world = new SeedWorld(organisation, random, writer);
  const milestones = new Milestones(world);
  const feedback = new FeedbackRounds(world);

  await setUpOrganisation(world);
  const network = new NetworkSeed(organisation.pmos, writer, options.year, seed);
  await network.form();
  const support = new SupportSeed(organisation.pmos, writer, options.year, seed);
  await support.open();
  const insights = new InsightsSeed(organisation.pmos, writer, options.year, seed);
  const standards = new StandardsSeed(organisation.pmos, writer, options.year, seed);
  await standards.publish();
  const yearStart: LocalDate = `${options.year}-01-01`;
  let yesterday: LoggedEntry[] = [];
  let day = yearStart;
  for (; !writer.done; day = addDays(day, 1)) {
    if (isWeekday(day)) {
      await world.batch(`${day}T08:00:00.000Z`, reviewEntries(world, yesterday, yearStart));
      await world.batch(`${day}T09:30:00.000Z`, measurementsDue(world, day));
    }
    if (day.startsWith(`${options.year}-`)) {
      await milestones.run(day);
      await feedback.run(day);
    }
    await standards.day(day);
    await network.day(day);
    await support.day(day);
    await insights.day(day);
    if (isWeekday(day)) {
      const loggedAt = `${day}T17:00:00.000Z`;
      const { commands, entries } = logDay(world, day, loggedAt);
      await world.batch(loggedAt, commands);
      yesterday = entries;
    }
    options.onDay?.(day, writer.appended);
  }

  const { anchor } = organisation;
  const pmos: Record<string, number> = {};
  for (const pmo of organisation.pmos) pmos[pmo.kind] = (pmos[pmo.kind] ?? 0) + 1;
  return {
    events: writer.appended,
    year: options.year,
    seed,
    people: organisation.people.length,
    pmos,
    objectives: world.objectives.size,
    activities: world.activities.size,
    commands: { ...world.commands },
    lastDay: addDays(day, -1),
    anchor: {
      pmoId: anchor.id,
      people: Math.min(ANCHOR_STAFF, anchor.staff.length),
      objectiveIds: anchor.objectives.map((o) => o.id),
      activityIds: anchor.activities.map((a) => a.id),
    },
    portfolioPmoId: organisation.pmos[0]?.id as string,
    standards: standards.count,
    standardEvents: standards.events,
    network: { contacts: network.contacts, touchpoints: network.touchpoints, events: network.events },
    support: { engagements: support.engagementCount, sessions: support.sessions, events: support.events },
    insights: {
      communities: insights.communities,
      contributions: insights.contributions,
      insights: insights.insights,
      decisions: insights.decided,
      events: insights.events,
      busiestPmoId: insights.busiestPmoId,
    },
  };
}
