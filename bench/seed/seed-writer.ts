import { randomUUID } from 'node:crypto';
import { dayOf, type Decider, type DomainEvent } from '@throughline/domain';
import { handleCommand, KeyedLock, payloadHash, StateCache, type CommandOutcome, type EventStore } from '@throughline/event-store';

/**
 * The simulated wall clock of a seed run. The store stamps recordedAt from it, so the history
 * reads as if it had been recorded over the simulated year; each reading moves it on by a
 * millisecond, so the events of one batch are recorded in order rather than at one instant.
 */
export class SimulatedClock {
  private base = 0;
  private tick = 0;

  set(instant: string): void {
    const at = Date.parse(instant);
    if (Number.isNaN(at)) throw new RangeError(`not an instant: ${instant}`);
    this.base = at;
    this.tick = 0;
  }

  /** The instant commands of the current batch are decided at. */
  get now(): string {
    return new Date(this.base).toISOString();
  }

  /** For the store: never earlier than `now`, later with every reading. */
  readonly read = (): Date => new Date(this.base + this.tick++);
}

/** One command for the seed to run: what the API would hand the command loop. */
export interface SeedCommand<C = unknown> {
  readonly decider: Decider<C, DomainEvent, unknown>;
  readonly streamId: string;
  readonly command: C;
  readonly actor: string;
  readonly reason?: string;
  /** Events the command is known to append, so a run can stop at exactly the asked count. */
  readonly events: number;
  /** Present on the share of commands a client sends with an idempotency key. */
  readonly commandId?: string;
}

/** Typed constructor: keeps the decider and its command in step at the call site. */
export const seedCommand = <C, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  spec: Omit<SeedCommand<C>, 'decider'>,
): SeedCommand => ({ ...spec, decider: decider as unknown as Decider<unknown, DomainEvent, unknown> });

/** Commands of one batch in flight together, as many clients would send them; the store groups their commits. */
const MAX_IN_FLIGHT = 2000;

/**
 * Writes commands through the same loop the API runs (load, decide, append at the revision read,
 * with the per-stream lock and the folded-state cache), with time taken from the simulated clock.
 * Counts what it appended and refuses to go past a budget of events.
 */
export class SeedWriter {
  appended = 0;
  /** Set once a command was left out for want of budget: later commands may depend on it. */
  exhausted = false;
  private readonly cache = new StateCache();
  private readonly lock = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    readonly clock: SimulatedClock,
    /** Stop once this many events are stored. */
    readonly budget: number,
  ) {}

  get remaining(): number {
    return this.budget - this.appended;
  }

  /** True when nothing more should be written: the budget is spent or a command had to be left out. */
  get done(): boolean {
    return this.exhausted || this.appended >= this.budget;
  }

  /**
   * Runs a batch recorded at `instant`, all commands concurrently. Commands that would take the
   * store past the budget are left out; returns the outcomes of those that ran, in order (null
   * for one left out).
   */
  async batch(instant: string, commands: readonly SeedCommand[]): Promise<(CommandOutcome<unknown> | null)[]> {
    this.clock.set(instant);
    const admitted: (SeedCommand | null)[] = [];
    let planned = this.appended;
    for (const command of commands) {
      const fits = planned + command.events <= this.budget;
      admitted.push(fits ? command : null);
      if (fits) planned += command.events;
      else this.exhausted = true;
    }
    const outcomes: (CommandOutcome<unknown> | null)[] = [];
    for (let i = 0; i < admitted.length; i += MAX_IN_FLIGHT) {
      const chunk = admitted.slice(i, i + MAX_IN_FLIGHT);
      outcomes.push(...(await Promise.all(chunk.map((command) => (command ? this.run(command) : null)))));
    }
    return outcomes;
  }

  /** Runs one command on its own, at the clock's current instant. */
  async run(spec: SeedCommand): Promise<CommandOutcome<unknown>> {
    const now = this.clock.now;
    const outcome = await handleCommand(
      this.store,
      spec.decider,
      {
        streamId: spec.streamId,
        command: spec.command,
        context: { now, today: dayOf(now), actor: spec.actor },
        metadata: { actor: spec.actor, correlationId: randomUUID(), ...(spec.reason ? { reason: spec.reason } : {}) },
        idempotency: spec.commandId
          ? { commandId: spec.commandId, payloadHash: payloadHash({ operation: (spec.command as { type: string }).type, input: spec.command }) }
          : null,
      },
      { cache: this.cache, lock: this.lock },
    );
    if (outcome.appended !== spec.events) {
      throw new Error(
        `${(spec.command as { type: string }).type} on ${spec.streamId} appended ${outcome.appended} events, the generator expected ${spec.events}`,
      );
    }
    this.appended += outcome.appended;
    return outcome;
  }
}
