import { addDays, communityDecider, insightDecider, type CommunityKind, type ContributionKind, type InsightDecision, type LocalDate } from '@throughline/domain';
import { Random } from '../support/random';
import { isWeekday } from './measurements';
import type { PmoSeed } from './organisation';
import { seedCommand, type SeedCommand, type SeedWriter } from './seed-writer';
import { at, derivedUuid } from './support';

const COMMUNITIES: readonly { readonly name: string; readonly kind: CommunityKind }[] = [
  { name: 'PMO Flashmob', kind: 'EVENT_SERIES' },
  { name: 'Portfolio management special interest group', kind: 'PROFESSIONAL_BODY' },
  { name: 'PMO leaders forum', kind: 'ONLINE_NETWORK' },
  { name: 'Delivery heads on social media', kind: 'SOCIAL_MEDIA' },
  { name: 'Regional PMO round table', kind: 'OTHER' },
];

const HEARD: readonly { readonly title: string; readonly summary: string }[] = [
  { title: 'Stop gate reviews for small changes', summary: 'Several PMOs dropped stage gates below a size threshold.' },
  { title: 'Benefits owners named at approval', summary: 'Naming who owns each benefit when the plan is approved.' },
  { title: 'One page status, no RAG', summary: 'Status reports as a short narrative with the next decision needed.' },
  { title: 'Quarterly capacity check', summary: 'Comparing the next quarter’s demand with the people free to do it.' },
  { title: 'Lessons learned as a backlog', summary: 'Keeping lessons as items someone takes on, not a document.' },
];

const REASONS: Record<InsightDecision, string> = {
  ADOPT: 'Fits how we work as it is',
  ADAPT: 'Fits, with changes to our gates',
  PARK: 'Not before the next planning round',
  REJECT: 'Does not fit our portfolio',
};

interface Membership {
  readonly communityId: string;
  readonly pmoId: string;
  readonly joinedOn: LocalDate;
  leftOn: LocalDate | null;
}

interface PlannedJoin {
  readonly pmo: PmoSeed;
  readonly communityId: string;
  readonly community: (typeof COMMUNITIES)[number];
}

interface PlannedDecision {
  readonly insightId: string;
  readonly actor: string;
  readonly decision: InsightDecision;
  /** For a PARK: the final decision that follows, and how many days later. */
  readonly then: { readonly decision: InsightDecision; readonly afterDays: number } | null;
}

/**
 * Every office's outside knowledge over the year, through the real deciders: each office joins
 * two or three communities on days spread over the year (one in five leaves one in November),
 * contributes to one it belongs to now and then, and records what it heard, most of it in a
 * community it is a member of. The head decides most insights within a month (ADOPT, ADAPT,
 * PARK or REJECT) and re-decides half of the parked ones one to two months later; the rest stay
 * open. Nothing is decided after the year. Its own random stream leaves the rest of the year as
 * it was.
 */
export class InsightsSeed {
  private readonly random: Random;
  private readonly joins = new Map<LocalDate, PlannedJoin[]>();
  private readonly leaves = new Map<LocalDate, Membership[]>();
  private readonly decisions = new Map<LocalDate, PlannedDecision[]>();
  private readonly memberships: Membership[] = [];
  private readonly heardBy = new Map<string, number>();
  private recorded = 0;
  events = 0;
  communities = 0;
  contributions = 0;
  decided = 0;

  constructor(
    private readonly pmos: readonly PmoSeed[],
    private readonly writer: SeedWriter,
    private readonly year: number,
    seed: number,
  ) {
    this.random = new Random(seed + 37);
    for (const pmo of this.pmos) {
      const chosen = this.random.sample(COMMUNITIES, this.random.int(2, 3));
      chosen.forEach((community, i) => {
        // The first in the year's first quarter, the others any day up to the autumn.
        const day = addDays(`${this.year}-01-01`, i === 0 ? this.random.int(0, 80) : this.random.int(30, 280));
        const planned = this.joins.get(day) ?? [];
        planned.push({ pmo, communityId: derivedUuid(['seed-community', pmo.id, String(i)]), community });
        this.joins.set(day, planned);
      });
    }
  }

  get insights(): number {
    return this.recorded;
  }

  /** The office that heard the most in the year (the first office when none heard anything). */
  get busiestPmoId(): string {
    let busiest = this.pmos[0]?.id as string;
    let most = -1;
    for (const pmo of this.pmos) {
      const heard = this.heardBy.get(pmo.id) ?? 0;
      if (heard > most) [busiest, most] = [pmo.id, heard];
    }
    return busiest;
  }

  async day(day: LocalDate): Promise<void> {
    if (!day.startsWith(`${this.year}-`)) return;
    await this.join(day);
    await this.leave(day);
    if (!isWeekday(day)) return;
    const contributions: SeedCommand[] = [];
    const heard: { command: SeedCommand; pmo: PmoSeed; insightId: string }[] = [];
    for (const pmo of this.pmos) {
      const member = this.memberships.filter((m) => m.pmoId === pmo.id && m.leftOn === null);
      if (member.length > 0 && this.random.chance(0.03)) {
        const community = this.random.pick(member);
        const kind: ContributionKind = this.random.pick(['POST', 'TALK', 'ANSWER', 'ARTICLE'] as const);
        contributions.push(
          seedCommand(communityDecider, {
            streamId: `community-${community.communityId}`,
            command: { type: 'RecordCommunityContribution', communityId: community.communityId, on: day, title: `${kind.toLowerCase()}: how our gates work`, kind },
            actor: this.random.pick([pmo.head, ...pmo.staff]),
            events: 1,
          }),
        );
      }
      if (!this.random.chance(0.06)) continue;
      const insightId = derivedUuid(['seed-insight', pmo.id, day]);
      const where = member.length > 0 && this.random.chance(0.7) ? this.random.pick(member) : null;
      const { title, summary } = this.random.pick(HEARD);
      heard.push({
        pmo,
        insightId,
        command: seedCommand(insightDecider, {
          streamId: `insight-${insightId}`,
          command: {
            type: 'RecordInsight',
            insightId,
            pmoId: pmo.id,
            community: where ? { communityId: where.communityId, pmoId: where.pmoId, joinedOn: where.joinedOn } : null,
            title,
            summary,
            heardOn: day,
          },
          actor: this.random.pick([pmo.head, ...pmo.staff]),
          events: 1,
        }),
      });
    }
    await this.run(at(day, '10:00'), contributions);
    const outcomes = await this.run(at(day, '11:00'), heard.map((h) => h.command));
    heard.forEach((h, i) => {
      if (!outcomes[i]) return;
      this.heardBy.set(h.pmo.id, (this.heardBy.get(h.pmo.id) ?? 0) + 1);
      if (this.random.chance(0.15)) return; // left open
      const decision = this.random.pick(['ADOPT', 'ADOPT', 'ADAPT', 'ADAPT', 'PARK', 'PARK', 'REJECT'] as const);
      const then = decision === 'PARK' && this.random.chance(0.5) ? { decision: this.random.pick(['ADOPT', 'ADAPT', 'REJECT'] as const), afterDays: this.random.int(30, 60) } : null;
      this.plan(addDays(day, this.random.int(1, 30)), { insightId: h.insightId, actor: h.pmo.head, decision, then });
    });
    await this.decide(day);
  }

  /** Decisions are taken on weekdays: one falling on a weekend waits for the Monday. */
  private plan(on: LocalDate, decision: PlannedDecision): void {
    let day = on;
    while (!isWeekday(day)) day = addDays(day, 1);
    const planned = this.decisions.get(day) ?? [];
    planned.push(decision);
    this.decisions.set(day, planned);
  }

  private async join(day: LocalDate): Promise<void> {
    const planned = this.joins.get(day) ?? [];
    const outcomes = await this.run(
      at(day, '09:00'),
      planned.map(({ pmo, communityId, community }) =>
        seedCommand(communityDecider, {
          streamId: `community-${communityId}`,
          command: { type: 'JoinCommunity', communityId, pmoId: pmo.id, name: community.name, kind: community.kind, joinedOn: day },
          actor: pmo.head,
          events: 1,
        }),
      ),
    );
    planned.forEach(({ pmo, communityId }, i) => {
      if (!outcomes[i]) return;
      const membership: Membership = { communityId, pmoId: pmo.id, joinedOn: day, leftOn: null };
      this.memberships.push(membership);
      if (this.random.chance(0.2)) {
        const leaving = addDays(`${this.year}-11-01`, this.random.int(0, 29));
        if (leaving > day) this.leaves.set(leaving, [...(this.leaves.get(leaving) ?? []), membership]);
      }
    });
  }

  private async leave(day: LocalDate): Promise<void> {
    const leaving = this.leaves.get(day) ?? [];
    const outcomes = await this.run(
      at(day, '09:15'),
      leaving.map((m) =>
        seedCommand(communityDecider, {
          streamId: `community-${m.communityId}`,
          command: { type: 'LeaveCommunity', communityId: m.communityId, leftOn: day },
          actor: this.pmos.find((p) => p.id === m.pmoId)?.head as string,
          reason: 'Moved to a closer community',
          events: 1,
        }),
      ),
    );
    leaving.forEach((m, i) => {
      if (outcomes[i]) m.leftOn = day;
    });
  }

  /** The head decides what is due today, at the end of the day, with the reason in the metadata as the API keeps it. */
  private async decide(day: LocalDate): Promise<void> {
    const due = this.decisions.get(day) ?? [];
    this.decisions.delete(day);
    const outcomes = await this.run(
      at(day, '16:00'),
      due.map((d) =>
        seedCommand(insightDecider, {
          streamId: `insight-${d.insightId}`,
          command: { type: 'DecideInsight', insightId: d.insightId, decision: d.decision, reason: REASONS[d.decision], decidedOn: day, activity: null },
          actor: d.actor,
          reason: REASONS[d.decision],
          events: 1,
        }),
      ),
    );
    due.forEach((d, i) => {
      if (outcomes[i] && d.then) this.plan(addDays(day, d.then.afterDays), { ...d, decision: d.then.decision, then: null });
    });
  }

  private async run(instant: string, commands: readonly SeedCommand[]) {
    if (commands.length === 0) return [];
    const outcomes = await this.writer.batch(instant, commands);
    outcomes.forEach((outcome, i) => {
      if (!outcome) return;
      this.events += outcome.appended;
      const type = (commands[i]!.command as { type: string }).type;
      if (type === 'JoinCommunity') this.communities += 1;
      else if (type === 'RecordCommunityContribution') this.contributions += 1;
      else if (type === 'RecordInsight') this.recorded += 1;
      else if (type === 'DecideInsight') this.decided += 1;
    });
    return outcomes;
  }
}
