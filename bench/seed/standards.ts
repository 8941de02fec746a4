import {
  addDays,
  adoptionDecider,
  deviationDecider,
  standardDecider,
  type AdoptionCommand,
  type DeviationCommand,
  type LocalDate,
  type PmoKind,
  type PmoInTree,
  type StandardKind,
  type StandardSnapshot,
  type StandardState,
} from '@throughline/domain';
import { adoptionIdOf, deviationIdOf } from '@throughline/runtime';
import { Random } from '../support/random';
import type { PmoSeed } from './organisation';
import { seedCommand, type SeedCommand, type SeedWriter } from './seed-writer';

/** The most standards one portfolio office sets: the compliance benchmark's 20. */
export const MAX_STANDARDS = 20;

const TITLES: readonly [StandardKind, string][] = [
  ['METHODOLOGY', 'Stage-gate life cycle'],
  ['STANDARD', 'Risk register'],
  ['REPORT_FORMAT', 'Monthly status report'],
  ['TOOL', 'Planning tool'],
  ['STANDARD', 'Benefits register'],
  ['METHODOLOGY', 'Agile delivery playbook'],
  ['REPORT_FORMAT', 'Quarterly portfolio review'],
  ['TOOL', 'Time recording tool'],
  ['STANDARD', 'Change control'],
  ['STANDARD', 'Lessons learned'],
];

const scheduled = (day: LocalDate, hour: string) => `${day}T${hour}:00.000Z`;

/**
 * The organisation's standards and how its offices keep them, through the real deciders: the
 * portfolio office publishes up to 20 standards in December; every office they bind adopts
 * version 1 over the first quarter (a few late, a few never); in June half the standards are
 * revised; most offices adopt version 2 over the summer, some project offices keep version 1
 * under leeway from their programme, and others ask to deviate (in advance, late or MINOR),
 * which the portfolio head approves, rejects, or the office withdraws. The days are spread so
 * that compliance on any day of the year meets every status. Its own random stream leaves the
 * rest of the year as it was.
 */
export class StandardsSeed {
  private readonly random: Random;
  private readonly portfolio: PmoSeed;
  private readonly standards = new Map<string, StandardState>();
  private readonly agenda = new Map<LocalDate, (() => SeedCommand)[]>();
  private readonly year: number;
  /** Events the standards and their keeping appended. */
  events = 0;

  get count(): number {
    return this.standards.size;
  }

  constructor(
    private readonly pmos: readonly PmoSeed[],
    private readonly writer: SeedWriter,
    year: number,
    seed: number,
  ) {
    this.random = new Random(seed + 13);
    this.portfolio = pmos[0]!;
    this.year = year;
  }

  /** December: the portfolio office publishes; adoptions of version 1 are put on the agenda. */
  async publish(): Promise<void> {
    const count = Math.min(MAX_STANDARDS, Math.max(2, Math.floor(this.pmos.length / 5)));
    const commands = Array.from({ length: count }, (_, i) => {
      const [kind, title] = TITLES[i % TITLES.length]!;
      const appliesTo: PmoKind[] = this.random.chance(0.5) ? ['PROGRAMME', 'PROJECT'] : [this.random.pick(['PROGRAMME', 'PROJECT'] as const)];
      const standardId = this.random.uuid();
      return seedCommand(standardDecider, {
        streamId: `standard-${standardId}`,
        command: {
          type: 'PublishStandard',
          standardId,
          publisher: this.snapshotOf(this.portfolio),
          kind,
          title: i < TITLES.length ? title : `${title} ${Math.floor(i / TITLES.length) + 1}`,
          summary: `How every office keeps its ${title.toLowerCase()}`,
          appliesTo,
          effectiveFrom: `${this.year}-01-01`,
          adoptionDueOn: `${this.year}-02-28`,
          maxDeviationDays: this.random.chance(0.5) ? 120 : null,
        },
        actor: this.portfolio.head,
        events: 1,
      });
    });
    await this.run(scheduled(`${this.year - 1}-12-28`, '10:00'), commands);
    for (const standard of this.inForce()) {
      for (const pmo of this.bound(standard)) {
        if (this.random.chance(0.08)) continue; // never adopts
        const day = addDays(`${this.year}-01-02`, this.random.int(0, this.random.chance(0.85) ? 50 : 100));
        this.plan(day, () => this.adopt(standard.standardId, pmo, 1, day));
      }
    }
  }

  /** The day's adoptions, leeways, deviations and decisions; the June revision. */
  async day(day: LocalDate): Promise<void> {
    if (day === `${this.year}-06-01`) await this.revise(day);
    const due = this.agenda.get(day);
    if (!due) return;
    this.agenda.delete(day);
    await this.run(scheduled(day, '14:00'), due.map((build) => build()));
  }

  private async revise(day: LocalDate): Promise<void> {
    const revised = this.inForce().filter(() => this.random.chance(0.5));
    await this.run(
      scheduled(day, '09:00'),
      revised.map((standard) =>
        seedCommand(standardDecider, {
          streamId: `standard-${standard.standardId}`,
          command: {
            type: 'ReviseStandard',
            standardId: standard.standardId,
            summary: 'Revised after the first half-year',
            effectiveFrom: `${this.year}-07-01`,
            adoptionDueOn: `${this.year}-08-31`,
            reason: 'What the offices reported in the first half-year',
          },
          actor: this.portfolio.head,
          reason: 'What the offices reported in the first half-year',
          events: 1,
        }),
      ),
    );
    for (const { standardId } of revised) {
      const standard = this.snapshot(standardId);
      for (const pmo of this.bound(standard)) this.afterRevision(standard, pmo);
    }
  }

  private afterRevision(standard: StandardSnapshot, pmo: PmoSeed): void {
    const roll = this.random.next();
    if (roll < 0.7) {
      const day = addDays(`${this.year}-06-10`, this.random.int(0, 100));
      this.plan(day, () => this.adopt(standard.standardId, pmo, 2, day));
    } else if (roll < 0.82 && pmo.parent?.kind === 'PROGRAMME') {
      const until = addDays(`${this.year}-09-01`, this.random.int(0, 120));
      this.plan(`${this.year}-06-20`, () => this.keep(standard.standardId, pmo, until));
    } else if (roll < 0.97) {
      this.deviate(standard, pmo);
    }
  }

  private deviate(standard: StandardSnapshot, pmo: PmoSeed): void {
    const kind = this.random.next();
    const minor = kind < 0.2;
    const late = !minor && kind < 0.4;
    const from = addDays(`${this.year}-07-01`, this.random.int(0, 60));
    const until = addDays(from, this.random.int(20, 100));
    const requestedOn = late ? addDays(from, this.random.int(0, 10)) : addDays(from, -this.random.int(5, 20));
    const deviationId = deviationIdOf(standard.standardId, pmo.id, 1);
    this.plan(requestedOn, () =>
      this.deviation(pmo.head, {
        type: 'RequestDeviation',
        deviationId,
        slot: 1,
        standard: this.snapshot(standard.standardId),
        pmo: this.snapshotOf(pmo),
        earlier: [],
        description: 'Keep the way of working of the first half-year',
        reason: 'The office is mid-delivery',
        significance: minor ? 'MINOR' : 'SIGNIFICANT',
        compensatingMeasures: this.random.chance(0.5) ? 'Fortnightly review with the portfolio office' : null,
        from,
        until: standard.maxDeviationDays === null ? until : addDays(from, Math.min(daysOf(from, until), standard.maxDeviationDays) - 1),
      }),
    );
    if (minor) return;
    const decision = this.random.next();
    const type = decision < 0.7 ? 'ApproveDeviation' : decision < 0.9 ? 'RejectDeviation' : 'WithdrawDeviation';
    const decidedOn = addDays(requestedOn, this.random.int(1, 8));
    const actor = type === 'WithdrawDeviation' ? pmo.head : this.portfolio.head;
    this.plan(decidedOn, () => this.deviation(actor, { type, deviationId, reason: 'Reviewed at the portfolio board' }));
  }

  private adopt(standardId: string, pmo: PmoSeed, version: number, adoptedOn: LocalDate): SeedCommand {
    return this.adoption(pmo.head, { type: 'AdoptStandard', adoptionId: adoptionIdOf(standardId, pmo.id), standard: this.snapshot(standardId), pmo: this.snapshotOf(pmo), version, adoptedOn });
  }

  private keep(standardId: string, pmo: PmoSeed, until: LocalDate): SeedCommand {
    const parent = pmo.parent!;
    return this.adoption(parent.head, {
      type: 'KeepStandardVersion',
      adoptionId: adoptionIdOf(standardId, pmo.id),
      standard: this.snapshot(standardId),
      pmo: this.snapshotOf(pmo),
      grantor: this.snapshotOf(parent),
      version: 1,
      until,
      reason: 'The office closes its current delivery first',
    });
  }

  private adoption(actor: string, command: AdoptionCommand): SeedCommand {
    return seedCommand(adoptionDecider, { streamId: `adoption-${command.adoptionId}`, command, actor, ...('reason' in command ? { reason: command.reason } : {}), events: 1 });
  }

  private deviation(actor: string, command: DeviationCommand): SeedCommand {
    return seedCommand(deviationDecider, { streamId: `deviation-${command.deviationId}`, command, actor, reason: command.reason, events: 1 });
  }

  private plan(day: LocalDate, build: () => SeedCommand): void {
    const list = this.agenda.get(day);
    if (list) list.push(build);
    else this.agenda.set(day, [build]);
  }

  private async run(instant: string, commands: readonly SeedCommand[]): Promise<void> {
    const outcomes = await this.writer.batch(instant, commands);
    outcomes.forEach((outcome, i) => {
      if (!outcome) return;
      this.events += outcome.appended;
      const command = commands[i]!.command as { type: string; standardId?: string };
      if (command.type === 'PublishStandard' || command.type === 'ReviseStandard') this.standards.set(command.standardId!, outcome.state as StandardState);
    });
  }

  private inForce(): StandardSnapshot[] {
    return [...this.standards.keys()].map((id) => this.snapshot(id));
  }

  private snapshot(standardId: string): StandardSnapshot {
    const state = this.standards.get(standardId);
    if (!state || state.status === 'NONE') throw new Error(`standard ${standardId} was not published`);
    const { pmoId, status, appliesTo, versions, maxDeviationDays } = state;
    return { standardId, publisherPmoId: pmoId, status, appliesTo, versions, maxDeviationDays };
  }

  /** Offices below the portfolio office of a kind the standard names. */
  private bound(standard: StandardSnapshot): PmoSeed[] {
    return this.pmos.filter((pmo) => pmo !== this.portfolio && standard.appliesTo.includes(pmo.kind));
  }

  private snapshotOf(pmo: PmoSeed): PmoInTree {
    const ancestorIds: string[] = [];
    for (let parent = pmo.parent; parent; parent = parent.parent) ancestorIds.push(parent.id);
    return { pmoId: pmo.id, kind: pmo.kind, ancestorIds };
  }
}

const daysOf = (from: LocalDate, until: LocalDate): number => Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000) + 1;
