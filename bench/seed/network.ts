import { addDays, type LocalDate } from '@throughline/domain';
import { Random } from '../support/random';
import { isWeekday } from './measurements';
import { OfficeNetwork } from './office-network';
import type { PmoSeed } from './organisation';
import type { SeedCommand, SeedWriter } from './seed-writer';

const at = (day: LocalDate, time: string) => `${day}T${time}:00.000Z`;

/** A weekday with no weekday before it in its month. */
const firstWeekdayOfMonth = (day: LocalDate): boolean => {
  for (let before = addDays(day, -1); before.slice(0, 7) === day.slice(0, 7); before = addDays(before, -1)) if (isWeekday(before)) return false;
  return true;
};

/**
 * Every office's network over the year, through the real deciders: in December each office forms
 * two or three groups (the portfolio office four), adds 3 + a third of its staff contacts known
 * for up to two years, each in one or two groups, and assesses most of them. Every weekday an
 * office meets each group whose cadence has come round (1–3 of its members, now and then a guest
 * from another group) and has a one-to-one two days in five; on the first weekday of a month it
 * adds a contact and reassesses a few (a stance drifts a step now and then), and at each quarter
 * one STAKEHOLDER relationship ends with its project. Its own random stream leaves the rest of
 * the year as it was.
 */
export class NetworkSeed {
  private readonly random: Random;
  private readonly networks: OfficeNetwork[];
  /** Events the networks appended, and their touchpoints. */
  events = 0;
  touchpoints = 0;

  constructor(
    pmos: readonly PmoSeed[],
    private readonly writer: SeedWriter,
    private readonly year: number,
    seed: number,
  ) {
    this.random = new Random(seed + 29);
    this.networks = pmos.map((pmo) => new OfficeNetwork(pmo.id, pmo.head, this.random));
    this.staff = new Map(pmos.map((pmo) => [pmo.id, pmo.staff.length]));
  }

  /** Staff per office: an office's network grows with it. */
  private readonly staff: ReadonlyMap<string, number>;

  get contacts(): number {
    return this.networks.reduce((sum, network) => sum + network.contacts.length, 0);
  }

  /** December: groups, contacts with their memberships, first assessments. */
  async form(): Promise<void> {
    const december = (day: number) => `${this.year - 1}-12-${String(day).padStart(2, '0')}`;
    await this.run(at(december(20), '10:00'), this.networks.flatMap((network, i) => network.formGroups(i === 0 ? 4 : this.random.int(2, 3), december(20))));
    const added = this.networks.flatMap((network) =>
      Array.from({ length: 3 + Math.floor((this.staff.get(network.pmoId) ?? 0) / 3) }, () => network.addContact(addDays(december(20), -this.random.int(0, 730)))),
    );
    await this.run(at(december(20), '11:00'), added.map((a) => a.contact));
    await this.run(at(december(20), '12:00'), added.flatMap((a) => a.memberships));
    await this.run(
      at(december(21), '10:00'),
      this.networks.flatMap((network) => network.contacts.filter(() => this.random.chance(0.7)).map((c) => network.assess(c.snapshot.contactId, december(21)))),
    );
  }

  /** The day's touchpoints; on the first weekday of a month, a new contact and reassessments; each quarter, an ending. */
  async day(day: LocalDate): Promise<void> {
    if (!day.startsWith(`${this.year}-`) || !isWeekday(day)) return;
    if (firstWeekdayOfMonth(day)) {
      const added = this.networks.map((network) => network.addContact(day));
      await this.run(at(day, '10:00'), added.map((a) => a.contact));
      await this.run(at(day, '10:30'), added.flatMap((a) => a.memberships));
      const reassessed = this.networks.flatMap((network) =>
        network.contacts.filter((c) => c.snapshot.knownSince <= day && this.random.chance(0.15)).map((c) => network.assess(c.snapshot.contactId, day)),
      );
      await this.run(at(day, '11:00'), reassessed);
      if (['01', '04', '07', '10'].includes(day.slice(5, 7))) {
        await this.run(at(day, '11:30'), this.networks.map((network) => network.endOne(day)).filter((c): c is SeedCommand => c !== null));
      }
    }
    const touchpoints = this.networks.flatMap((network) => [
      ...network.dueGroups(day).map((group) => network.touch(group, day, this.random.int(1, 3))),
      ...(this.random.chance(0.4) ? [network.oneToOne(day)] : []),
    ]);
    await this.run(at(day, '16:00'), touchpoints.filter((c): c is SeedCommand => c !== null));
  }

  private async run(instant: string, commands: readonly SeedCommand[]): Promise<void> {
    const outcomes = await this.writer.batch(instant, commands);
    outcomes.forEach((outcome, i) => {
      if (!outcome) return;
      this.events += outcome.appended;
      if ((commands[i]!.command as { type: string }).type === 'RecordTouchpoint') this.touchpoints += 1;
    });
  }
}
