import { feedbackDecider, type FeedbackOutcome, type LocalDate, type RaisingPmo } from '@throughline/domain';
import type { PmoSeed } from './organisation';
import { seedCommand, type SeedCommand } from './seed-writer';
import type { SeedWorld } from './world';

interface Topic {
  readonly subject: string;
  readonly body: string;
  readonly answer: string;
}

/** What offices below the portfolio tell the offices above them, and what they hear back. */
const TOPICS: readonly Topic[] = [
  {
    subject: 'Life-cycle method and the regulator',
    body: 'The life-cycle method has no approval step our regulator requires before a change goes live.',
    answer: 'Add the regulator’s approval as a gate of your own; the method allows local gates.',
  },
  {
    subject: 'Monthly report format',
    body: 'The monthly report asks for figures our projects only have quarterly.',
    answer: 'Report the last quarterly figure and mark it as such.',
  },
  {
    subject: 'Overlapping planning tools',
    body: 'Two planning tools are in use for the same purpose; teams keep both up to date.',
    answer: 'The second tool is retired at the end of the year.',
  },
  {
    subject: 'Risk register granularity',
    body: 'The risk register template expects programme-level risks only; project risks get lost.',
    answer: 'Project risks go in the same register, tagged with the project.',
  },
];

/**
 * Feedback upward over the year (documented in bench/README.md): on 16 Mar and 12 Oct a share of
 * the programme and project offices raise one item each to their parent or the portfolio office;
 * six to seven weeks later the receiving offices' heads resolve most of them, answered or
 * declined, and the rest stay open, so open items of every age remain at the year's end.
 */
export class FeedbackRounds {
  /** Feedback raised and not yet resolved, by id, with the office it went to and its topic. */
  private readonly open = new Map<string, { readonly to: PmoSeed; readonly topic: Topic }>();

  constructor(private readonly world: SeedWorld) {}

  async run(day: LocalDate): Promise<void> {
    const at = (time: string) => `${day}T${time}:00.000Z`;
    switch (day.slice(5)) {
      case '03-16':
      case '10-12':
        return this.world.batch(at('15:00'), this.raiseRound(0.3));
      case '05-04':
      case '11-23':
        return this.world.batch(at('14:00'), this.resolveRound(0.7));
      default:
        return;
    }
  }

  private raiseRound(share: number): SeedCommand[] {
    const { random } = this.world;
    const below = this.world.organisation.pmos.filter((pmo) => pmo.parent !== null);
    const chosen = below.filter(() => random.chance(share));
    // A small organisation still raises something, so every seed has feedback to show.
    if (chosen.length === 0 && below.length > 0) chosen.push(random.pick(below));
    return chosen.map((pmo) => {
      const lineage = lineageOf(pmo);
      const to = random.chance(0.6) ? (pmo.parent as PmoSeed) : topOf(pmo);
      const topic = random.pick(TOPICS);
      const feedbackId = random.uuid();
      this.open.set(feedbackId, { to, topic });
      return seedCommand(feedbackDecider, {
        streamId: `feedback-${feedbackId}`,
        command: { type: 'RaiseFeedback', feedbackId, from: lineage, toPmoId: to.id, standard: null, subject: topic.subject, body: topic.body },
        actor: pmo.head,
        events: 1,
        commandId: this.world.maybeCommandId(),
      });
    });
  }

  private resolveRound(share: number): SeedCommand[] {
    const { random } = this.world;
    // Only feedback whose raise was written (the budget may have run out first) is resolved.
    const raised = [...this.open].filter(([feedbackId]) => this.world.feedback.get(feedbackId)?.status === 'OPEN');
    return raised
      .filter(() => random.chance(share))
      .map(([feedbackId, { to, topic }]) => {
        this.open.delete(feedbackId);
        const outcome: FeedbackOutcome = random.chance(0.7) ? 'ANSWERED' : 'DECLINED';
        const resolution = outcome === 'ANSWERED' ? topic.answer : 'Not a change we make this year.';
        return seedCommand(feedbackDecider, {
          streamId: `feedback-${feedbackId}`,
          command: { type: 'ResolveFeedback', feedbackId, outcome, standard: null, standardVersion: null, deviationId: null, resolution },
          actor: to.head,
          reason: resolution,
          events: 1,
        });
      });
  }
}

const lineageOf = (pmo: PmoSeed): RaisingPmo => {
  const ancestorIds: string[] = [];
  for (let parent = pmo.parent; parent !== null; parent = parent.parent) ancestorIds.push(parent.id);
  return { pmoId: pmo.id, ancestorIds };
};

const topOf = (pmo: PmoSeed): PmoSeed => {
  let top = pmo;
  while (top.parent !== null) top = top.parent;
  return top;
};
