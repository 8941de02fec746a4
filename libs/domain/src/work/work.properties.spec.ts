import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { CommandContext } from '../shared/decider';
import { addDays } from '../shared/local-date';
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

/** Non-retracted hours of `person` on `day` over every entry, leaving one out: what the application asks its read model. */
const dayTotal = (entries: ReadonlyMap<string, WorkState>, person: string, day: string, except?: string): number => {
  let total = 0;
  for (const [id, entry] of entries) {
    if (id !== except && entry.status === 'LOGGED' && entry.person === person && entry.workedOn === day) total += entry.hours;
  }
  return total;
};

describe('work invariants under any sequence of commands', () => {
  it("never lets one person's day exceed 24 hours, across PMOs, and never changes a retracted entry", () => {
    let overDayRefusals = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        let context: CommandContext = defaultContext;
        const entries = new Map<string, WorkState>();
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
            // As the application does: the caller by default, trimmed, and the day's total under that name.
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
              hoursAlreadyLogged: dayTotal(entries, who, workedOn),
            };
          } else if (next.kind === 'correct') {
            const current = state.status === 'NONE' ? null : state;
            const workedOn = next.day === null ? null : addDays(context.today, next.day);
            const who = next.person?.trim() || current?.person || '';
            command = {
              type: 'CorrectWork',
              workEntryId: id,
              person: next.person,
              workedOn,
              hours: next.hours,
              description: next.description,
              reason: 'Typed the wrong figure',
              hoursAlreadyLogged: dayTotal(entries, who, workedOn ?? current?.workedOn ?? context.today, id),
            };
          } else {
            command = { type: 'RetractWork', workEntryId: id, reason: 'Logged twice' };
          }

          const decision = decideOrRefuse(workDecider, command, state, context);
          if ('refused' in decision) {
            if (decision.refused.code === 'WORK_DAY_OVER_24H') overDayRefusals += 1;
            if (retracted.has(id)) expect(decision.refused.code).toBe('WORK_ENTRY_RETRACTED');
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
          // Every person's every day, across both PMOs.
          for (const entry of entries.values()) {
            if (entry.status === 'LOGGED') expect(dayTotal(entries, entry.person, entry.workedOn)).toBeLessThanOrEqual(24 + 1e-9);
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
