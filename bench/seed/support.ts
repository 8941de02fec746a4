import { createHash } from 'node:crypto';
import { qualificationDecider, supportEngagementDecider, type AssistanceMode, type LocalDate, type QualificationSnapshot } from '@throughline/domain';
import { Random } from '../support/random';
import { isWeekday } from './measurements';
import type { PmoSeed } from './organisation';
import { seedCommand, type SeedCommand, type SeedWriter } from './seed-writer';

export const at = (day: LocalDate, time: string) => `${day}T${time}:00.000Z`;

/** As the API derives them (apps/api/src/support/support-ids.ts): a uuid from a SHA-256 of the parts. */
export const derivedUuid = (parts: readonly string[]): string => {
  const bytes = createHash('sha256').update(JSON.stringify(parts)).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

interface Engagement {
  readonly id: string;
  readonly pmoId: string;
  readonly head: string;
  readonly supporter: string;
  readonly requestedAs: AssistanceMode;
}

/**
 * Every office's support over the year, through the real deciders: in December each office's head
 * qualifies as a COACH and one of its staff (or the head) as a COUNSELLOR, and the office opens
 * two to four engagements with project managers for the whole year, most of them called
 * coaching. Every weekday each office holds a session on one of them two days in five: the
 * supporter's qualifications decide which modes they may use, and what was called coaching is
 * mentoring about half the time. Its own random stream leaves the rest of the year as it was.
 */
export class SupportSeed {
  private readonly random: Random;
  private readonly engagements: Engagement[] = [];
  private readonly qualified = new Map<string, QualificationSnapshot[]>();
  events = 0;
  sessions = 0;

  constructor(
    private readonly pmos: readonly PmoSeed[],
    private readonly writer: SeedWriter,
    private readonly year: number,
    seed: number,
  ) {
    this.random = new Random(seed + 31);
  }

  get engagementCount(): number {
    return this.engagements.length;
  }

  async open(): Promise<void> {
    const december = `${this.year - 1}-12-20`;
    const qualifications: SeedCommand[] = [];
    const qualify = (person: string, actor: string, kind: 'COACH' | 'COUNSELLOR') => {
      const held = this.qualified.get(person) ?? [];
      if (held.some((q) => q.kind === kind)) return;
      this.qualified.set(person, [...held, { kind, validFrom: `${this.year - 2}-01-01`, validUntil: null }]);
      const holderId = derivedUuid(['qualifications', person]);
      qualifications.push(
        seedCommand(qualificationDecider, {
          streamId: `qualification-${holderId}`,
          command: { type: 'RecordQualification', holderId, person, kind, issuer: kind === 'COACH' ? 'ICF' : 'BACP', validFrom: `${this.year - 2}-01-01`, validUntil: null },
          actor: actor,
          events: 1,
        }),
      );
    };
    const opened: SeedCommand[] = [];
    for (const pmo of this.pmos) {
      qualify(pmo.head, pmo.head, 'COACH');
      const counsellor = pmo.staff.length > 0 ? this.random.pick(pmo.staff) : pmo.head;
      qualify(counsellor, pmo.head, 'COUNSELLOR');
      for (let i = this.random.int(2, 4); i > 0; i -= 1) {
        const id = derivedUuid(['seed-support', pmo.id, String(i)]);
        const supporter = this.random.chance(0.5) ? pmo.head : counsellor;
        const person = `pm${this.random.int(1, 9999)}@projects.example`;
        const requestedAs: AssistanceMode = this.random.chance(0.7) ? 'COACH' : this.random.pick(['TRAINER', 'MENTOR'] as const);
        this.engagements.push({ id, pmoId: pmo.id, head: pmo.head, supporter, requestedAs });
        opened.push(
          seedCommand(supportEngagementDecider, {
            streamId: `supportengagement-${id}`,
            command: {
              type: 'OpenSupportEngagement',
              engagementId: id,
              pmoId: pmo.id,
              supporter,
              supportedPerson: person,
              supportedPmoId: null,
              subject: `supported:${derivedUuid(['supported-person', person])}`,
              supportedErased: false,
              topic: 'Delivery under pressure',
              requestedAs,
              goals: ['Run the next gate review', 'Write the recovery plan'],
              willingToChange: true,
              startedOn: december,
              agreedUntil: `${this.year}-12-31`,
            },
            actor: pmo.head,
            events: 1,
          }),
        );
      }
    }
    await this.run(at(december, '09:00'), qualifications);
    await this.run(at(december, '09:30'), opened);
  }

  async day(day: LocalDate): Promise<void> {
    if (!day.startsWith(`${this.year}-`) || !isWeekday(day)) return;
    const sessions: SeedCommand[] = [];
    for (const pmo of this.pmos) {
      if (!this.random.chance(0.4)) continue;
      const own = this.engagements.filter((e) => e.pmoId === pmo.id);
      if (own.length === 0) continue;
      const engagement = this.random.pick(own);
      const qualifications = this.qualified.get(engagement.supporter) ?? [];
      const may = (kind: string) => qualifications.some((q) => q.kind === kind);
      let mode: AssistanceMode = engagement.requestedAs;
      if (mode === 'COACH' && (!may('COACH') || this.random.chance(0.5))) mode = 'MENTOR';
      if (mode !== 'COACH' && may('COUNSELLOR') && this.random.chance(0.1)) mode = 'COUNSELLOR';
      sessions.push(
        seedCommand(supportEngagementDecider, {
          streamId: `supportengagement-${engagement.id}`,
          command: {
            type: 'RecordSupportSession',
            engagementId: engagement.id,
            heldOn: day,
            hours: this.random.int(2, 6) / 2,
            mode,
            notes: 'Went through the week',
            workEntryId: null,
            qualifications,
            supportedErased: false,
          },
          actor: engagement.supporter,
          events: 1,
        }),
      );
    }
    await this.run(at(day, '15:00'), sessions);
  }

  private async run(instant: string, commands: readonly SeedCommand[]): Promise<void> {
    const outcomes = await this.writer.batch(instant, commands);
    outcomes.forEach((outcome, i) => {
      if (!outcome) return;
      this.events += outcome.appended;
      if ((commands[i]!.command as { type: string }).type === 'RecordSupportSession') this.sessions += 1;
    });
  }
}
