import type { ActivityMode, LocalDate, MandatePurpose, PmoKind } from '@throughline/domain';
import type { Random } from '../support/random';
import { METRICS, PURPOSES, SPONSORS, activityTitle, pmoName, type MetricTemplate } from './vocabulary';

export interface ObjectiveSeed {
  readonly id: string;
  readonly template: MetricTemplate;
  readonly title: string;
  readonly startsOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly owner: string;
  /** How far along the objective's value runs against the elapsed time: 1 keeps pace, 0.5 lags badly. */
  readonly performance: number;
  readonly cadence: 'WEEKLY' | 'MONTHLY';
}

export interface ActivitySeed {
  readonly id: string;
  readonly title: string;
  readonly mode: ActivityMode;
  readonly responsible: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly effortEstimateHours: number | null;
  /** Objectives (indexes into the PMO's objectives) it is planned to serve, with weights. */
  readonly contributions: readonly { readonly objective: number; readonly weight: number }[];
}

export interface PmoSeed {
  readonly id: string;
  readonly kind: PmoKind;
  readonly name: string;
  readonly parent: PmoSeed | null;
  readonly staff: readonly string[];
  readonly head: string;
  readonly purpose: MandatePurpose;
  readonly sponsor: string;
  readonly planId: string;
  readonly objectives: ObjectiveSeed[];
  readonly activities: ActivitySeed[];
}

export interface PersonSeed {
  readonly email: string;
  readonly pmo: PmoSeed;
  /** The activities this person mostly works on; grows when a plan revision adds some. */
  readonly home: ActivitySeed[];
  /** Hours a present day adds up to. */
  readonly dayHours: number;
}

export interface Organisation {
  readonly year: number;
  readonly pmos: PmoSeed[];
  readonly people: PersonSeed[];
  /** The programme office with (up to) 50 people: the one the alignment benchmark reads. */
  readonly anchor: PmoSeed;
}

/** Staff of the office that the alignment benchmark times a year of. */
export const ANCHOR_STAFF = 50;

const FIRST = ['ada', 'ben', 'chloe', 'dev', 'elena', 'farid', 'grace', 'hugo', 'ines', 'jon', 'kemi', 'liam', 'maya', 'noor', 'omar', 'pia'];
const LAST = ['adams', 'baker', 'chen', 'diaz', 'evans', 'fischer', 'garcia', 'haddad', 'ito', 'jensen', 'khan', 'lopez', 'moreau', 'novak'];

/**
 * Lays out an organisation of `people`: a portfolio (strategic) office, the 50-person programme
 * office, then programme offices of 12–20 people each leading 2–5 project offices of 4–12.
 */
export function layoutOrganisation(random: Random, people: number, year: number): Organisation {
  if (!Number.isInteger(people) || people < 2) throw new RangeError(`an organisation needs at least 2 people, got ${people}`);
  let personIndex = 0;
  const hire = (count: number): string[] =>
    Array.from({ length: count }, () => {
      const i = personIndex++;
      return `${FIRST[i % FIRST.length]}.${LAST[Math.floor(i / FIRST.length) % LAST.length]}${Math.floor(i / (FIRST.length * LAST.length)) || ''}@example.org`;
    });
  const counters: Record<PmoKind, number> = { PORTFOLIO: 0, PROGRAMME: 0, PROJECT: 0 };
  const pmos: PmoSeed[] = [];
  const open = (kind: PmoKind, parent: PmoSeed | null, staffCount: number): PmoSeed => {
    const staff = hire(staffCount);
    const pmo = planPmo(random, { kind, parent, staff, name: pmoName(kind, counters[kind]++), year });
    pmos.push(pmo);
    return pmo;
  };

  let remaining = people;
  const take = (wanted: number) => {
    const count = Math.min(remaining, wanted);
    remaining -= count;
    return count;
  };
  const portfolio = open('PORTFOLIO', null, take(Math.min(6, Math.max(1, Math.round(people * 0.02)))));
  const anchor = open('PROGRAMME', portfolio, take(ANCHOR_STAFF));
  while (remaining > 0) {
    const programme = open('PROGRAMME', portfolio, take(random.int(12, 20)));
    for (let p = random.int(2, 5); p > 0 && remaining > 0; p -= 1) open('PROJECT', programme, take(random.int(4, 12)));
  }

  const persons = pmos.flatMap((pmo) => pmo.staff.map((email) => person(random, email, pmo)));
  return { year, pmos, people: persons, anchor };
}

function planPmo(
  random: Random,
  { kind, parent, staff, name, year }: { kind: PmoKind; parent: PmoSeed | null; staff: string[]; name: string; year: number },
): PmoSeed {
  const head = staff[0] as string;
  const templates = METRICS[kind];
  const objectives = Array.from({ length: 3 + Math.floor(staff.length / 10) }, (_, i): ObjectiveSeed => {
    const template = templates[i % templates.length] as MetricTemplate;
    // A quarter of the objectives (never the first) are owed by mid-year and closed then.
    const firstHalf = i > 0 && random.chance(0.25);
    return {
      id: random.uuid(),
      template,
      title: i < templates.length ? template.title : `${template.title} (${Math.floor(i / templates.length) + 1})`,
      startsOn: `${year}-01-01`,
      dueOn: firstHalf ? `${year}-06-30` : `${year}-12-31`,
      owner: random.pick(staff),
      performance: 0.5 + random.next() * 0.7,
      cadence: random.chance(0.2) ? 'WEEKLY' : 'MONTHLY',
    };
  });
  const activities = Array.from({ length: 2 + Math.ceil(staff.length / 2.5) }, (_, i) =>
    planActivity(random, { index: i, staff, objectives, year }),
  );
  return {
    id: random.uuid(),
    kind,
    name,
    parent,
    staff,
    head,
    purpose: random.pick(PURPOSES[kind]),
    sponsor: random.pick(SPONSORS),
    planId: random.uuid(),
    objectives,
    activities,
  };
}

/** 70% run all year, 15% the first half (completed on 30 June), 15% start in March or April. */
export function planActivity(
  random: Random,
  { index, staff, objectives, year, from }: { index: number; staff: readonly string[]; objectives: readonly ObjectiveSeed[]; year: number; from?: LocalDate },
): ActivitySeed {
  const mode: ActivityMode = random.chance(0.6) ? 'DIRECT' : 'SUPERVISED';
  const roll = random.next();
  const [startsOn, endsOn] = from
    ? [from, `${year}-12-31`]
    : roll < 0.7
      ? [`${year}-01-01`, `${year}-12-31`]
      : roll < 0.85
        ? [`${year}-01-01`, `${year}-06-30`]
        : [random.chance(0.5) ? `${year}-03-01` : `${year}-04-01`, `${year}-12-31`];
  // 20% serve no objective when planned; of the rest a quarter serve a second one, weighted 2 or 3.
  const contributions: { objective: number; weight: number }[] = [];
  if (objectives.length > 0 && !random.chance(0.2)) {
    const [first, second] = random.sample(objectives.map((_, i) => i), 2);
    contributions.push({ objective: first as number, weight: 1 });
    if (second !== undefined && random.chance(0.25)) contributions.push({ objective: second, weight: random.pick([2, 3]) });
  }
  return {
    id: random.uuid(),
    title: activityTitle(mode, index),
    mode,
    responsible: random.pick(staff),
    startsOn,
    endsOn,
    effortEstimateHours: random.chance(0.7) ? random.pick([40, 80, 120, 200, 400]) : null,
    contributions,
  };
}

function person(random: Random, email: string, pmo: PmoSeed): PersonSeed {
  const own = pmo.activities.filter((activity) => activity.responsible === email);
  const others = random.sample(pmo.activities.filter((activity) => activity.responsible !== email), random.int(2, 3));
  // One in ten works part time.
  return { email, pmo, home: [...own.slice(0, 1), ...others], dayHours: random.chance(0.1) ? 4 : random.pick([7, 7.5, 8]) };
}
