import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { addDays } from '../shared/local-date';
import { workdayDecider } from '../workday/workday.decider';
import { workdayEffectsOf, type WorkdayStep } from '../workday/workday.effects';
import { toMicroHours, type WorkdayState } from '../workday/workday.state';
import type { ActivitySnapshot, WorkCommand } from './work.commands';
import { workDecider } from './work.decider';
import type { WorkState } from './work.state';

const PMOS = ['6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10', '0b9e7c3d-2f4a-4e61-8c5b-7d1a9e3f6b22'];
const CALLER = 'ada@pmo.example';
const activity: ActivitySnapshot = { activityId: '8c4e2d10-7a3b-4f65-b1d9-5e2f0a6c3b71', pmoId: PMOS[0]!, status: 'PLANNED' };

type Step =
  | { readonly kind: 'log'; readonly pmo: number; readonly person: string | null; readonly day: number; readonly hours: number; readonly activity: boolean }
  | { readonly kind: 'correct'; readonly entry: number; readonly person: string | null; readonly day: number | null; readonly hours: number | null; readonly description: string | null }
  | { readonly kind: 'retract'; readonly entry: number }
  | { readonly kind: 'wait'; readonly days: number };

// The same people spelt with stray spaces, as clients send them: the day's total must see through it.
const person = fc.option(fc.constantFrom('ada@pmo.example', ' ada@pmo.example ', 'lin@pmo.example', '', '   '));
const hours = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0.1, 0.2, 0.5, 1, 2.5, 4, 7.5, 8, 12, 16, 23.9, 24) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 24, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 24.5, 25, Number.NaN, 1e308) },
);
// Few days and few people, so that entries pile up on the same person's day.
const day = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -1, max: 0 }) }, { weight: 1, arbitrary: fc.constantFrom(-3, 1) });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('log' as const), pmo: fc.constantFrom(0, 1), person, day, hours, activity: fc.boolean() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      entry: fc.nat(),
      person,
      day: fc.option(day),
      hours: fc.option(hours),
      description: fc.option(fc.constantFrom('Corrected', '')),
    }),
  },
  fc.record({ kind: fc.constant('retract' as const), entry: fc.nat() }),
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 2 }) }) },
);

const idOf = (n: number) => `5b7d9f21-3c4e-4a68-8d02-${n.toString(16).padStart(12, '0')}`;

/** Non-retracted hours of `person` on `day` over every entry. */
const dayTotal = (entries: ReadonlyMap<string, WorkState>, person: string, day: string): number => {
  let total = 0;
  for (const entry of entries.values()) {
    if (entry.status === 'LOGGED' && entry.person === person && entry.workedOn === day) total += entry.hours;
  }
  return total;
};

/** The same total in the unit the day's limit is kept in. */
const dayMicroHours = (entries: ReadonlyMap<string, WorkState>, person: string, day: string): number => {
  let total = 0;
  for (const entry of entries.values()) {
    if (entry.status === 'LOGGED' && entry.person === person && entry.workedOn === day) total += toMicroHours(entry.hours);
  }
  return total;
};

/** The workdays, one per person and day, as the application keeps them beside the entries. */
class Workdays {
  private readonly days = new Map<string, WorkdayState>();

  /** Records a step; a count the day refuses throws its DomainError and changes nothing. */
  apply(step: WorkdayStep): void {
    const key = JSON.stringify([step.person, step.day]);
    const state = this.days.get(key) ?? workdayDecider.initialState;
    const command =
      step.kind === 'count'
        ? { type: 'CountWorkdayHours' as const, workEntryId: step.workEntryId, person: step.person, day: step.day, hours: step.hours, opening: [] }
        : { type: 'ReleaseWorkdayHours' as const, workEntryId: step.workEntryId };
    this.days.set(key, workdayDecider.decide(command, state, defaultContext).reduce(workdayDecider.evolve, state));
  }

  total(person: string, day: string): number {
    const state = this.days.get(JSON.stringify([person, day]));
    return state?.status === 'OPEN' ? state.totalMicroHours / 1e6 : 0;
  }
}

describe('work invariants under any sequence of commands', () => {
  it("never lets one person's day exceed 24 hours, across PMOs, with each event's workday steps taken as the application takes them, and never changes a retracted entry", () => {
    let overDayRefusals = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        let context: CommandContext = defaultContext;
        const entries = new Map<string, WorkState>();
        const workdays = new Workdays();
        const retracted = new Map<string, WorkState>();
        for (const next of steps) {
          if (next.kind === 'wait') {
            const today = addDays(context.today, next.days);
            context = { ...context, today, now: `${today}T09:00:00.000Z` };
            continue;
          }
          const ids = [...entries.keys()];
          const id = next.kind === 'log' || ids.length === 0 ? idOf(entries.size + 1) : ids[next.entry % ids.length]!;
          const state = entries.get(id) ?? workDecider.initialState;
          let command: WorkCommand;
          if (next.kind === 'log') {
            // As the application does: the caller by default.
            const who = (next.person ?? CALLER).trim();
            const workedOn = addDays(context.today, next.day);
            command = {
              type: 'LogWork',
              workEntryId: id,
              pmoId: PMOS[next.pmo]!,
              person: who,
              workedOn,
              hours: next.hours,
              description: 'Stage-gate review',
              activity: next.activity ? activity : null,
            };
          } else if (next.kind === 'correct') {
            const workedOn = next.day === null ? null : addDays(context.today, next.day);
            command = {
              type: 'CorrectWork',
              workEntryId: id,
              person: next.person,
              workedOn,
              hours: next.hours,
              description: next.description,
              reason: 'Typed the wrong figure',
            };
          } else {
            command = { type: 'RetractWork', workEntryId: id, reason: 'Logged twice' };
          }

          const decision = decideOrRefuse(workDecider, command, state, context);
          if ('refused' in decision) {
            if (retracted.has(id)) expect(decision.refused.code).toBe('WORK_ENTRY_RETRACTED');
            continue;
          }
          const effects = decision.events.map((event) => workdayEffectsOf(event, state));
          try {
            for (const step of effects.flatMap((e) => e.before)) workdays.apply(step);
          } catch (error) {
            if (!(error instanceof DomainError) || error.code !== 'WORK_DAY_OVER_24H') throw error;
            overDayRefusals += 1;
            continue;
          }
          accepted += 1;
          expect(retracted.has(id)).toBe(false);
          const after = decision.events.reduce(workDecider.evolve, state);
          entries.set(id, after);
          if (after.status === 'NONE') throw new Error('an accepted command left no entry');
          if (after.status === 'RETRACTED') retracted.set(id, after);

          expect(after.hours > 0 && after.hours <= 24).toBe(true);
          expect(after.workedOn <= context.today).toBe(true);
          expect(after.person).toBe(after.person.trim());
          for (const step of effects.flatMap((e) => e.after)) workdays.apply(step);
          // Every person's every day, across both PMOs: within 24 hours, and exactly what its workday counts.
          for (const entry of entries.values()) {
            if (entry.status !== 'LOGGED') continue;
            // The day's limit is kept in whole micro-hours, each entry rounded on its own, so the
            // reference sums the same units rather than raw floats.
            expect(dayMicroHours(entries, entry.person, entry.workedOn)).toBeLessThanOrEqual(toMicroHours(24));
            expect(workdays.total(entry.person, entry.workedOn)).toBeCloseTo(dayTotal(entries, entry.person, entry.workedOn), 5);
          }
        }
        for (const [id, entry] of retracted) expect(entries.get(id)).toEqual(entry);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(1000);
    expect(overDayRefusals).toBeGreaterThan(20);
  });
});
