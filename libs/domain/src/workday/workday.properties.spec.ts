import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { WorkdayCommand } from './workday.commands';
import { workdayDecider } from './workday.decider';
import type { WorkdayState } from './workday.state';

const person = 'ada@pmo.example';
const day = '2026-03-12';
const idOf = (n: number) => `5b7d9f21-3c4e-4a68-8d02-${n.toString(16).padStart(12, '0')}`;

type Step = { readonly kind: 'count'; readonly entry: number; readonly hours: number } | { readonly kind: 'release'; readonly entry: number };

// Few entries, so that the same one is counted, recounted and released again; decimal hours,
// so that float sums would drift.
const hours = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1, 2.5, 3, 4, 7.5, 8, 12, 23.9, 24) },
  { weight: 2, arbitrary: fc.double({ min: 0.000001, max: 24, noNaN: true }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('count' as const), entry: fc.nat(7), hours }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), entry: fc.nat(7) }) },
);
const opening = fc.array(fc.record({ workEntryId: fc.nat(7).map(idOf), hours: fc.constantFrom(1, 2.5, 6, 8) }), { maxLength: 4 });

/** A plain sum over the hours of the entries that count, as a ledger would keep it. */
const sumOf = (ledger: ReadonlyMap<string, number>) => [...ledger.values()].reduce((sum, h) => sum + h, 0);

describe('a workday under any sequence of counts and releases', () => {
  it('agrees with a plain sum of the counted entries, and accepts a count exactly when that sum stays within 24 hours', () => {
    let refusals = 0;
    let accepted = 0;
    fc.assert(
      fc.property(opening, fc.array(step, { minLength: 1, maxLength: 40 }), (balance, steps) => {
        // Entries listed twice in a read model's answer cannot happen; keep each once.
        const entries = [...new Map(balance.map((e) => [e.workEntryId, e])).values()];
        let state: WorkdayState = workdayDecider.initialState;
        const ledger = new Map<string, number>();
        for (const next of steps) {
          const id = idOf(next.entry);
          const command: WorkdayCommand =
            next.kind === 'count'
              ? { type: 'CountWorkdayHours', workEntryId: id, person, day, hours: next.hours, opening: entries }
              : { type: 'ReleaseWorkdayHours', workEntryId: id };
          if (state.status === 'NONE' && next.kind === 'count') for (const e of entries) ledger.set(e.workEntryId, e.hours);

          const others = sumOf(ledger) - (ledger.get(id) ?? 0);
          const decision = decideOrRefuse(workdayDecider, command, state, defaultContext);
          if ('refused' in decision) {
            expect(decision.refused.code).toBe('WORK_DAY_OVER_24H');
            // Hours are compared in millionths: a plain sum may sit a rounding error either side of 24.
            expect(next.kind === 'count' && others + next.hours > 24 - 1e-6 && next.hours > (ledger.get(id) ?? 0)).toBe(true);
            refusals += 1;
            continue;
          }
          accepted += 1;
          state = decision.events.reduce(workdayDecider.evolve, state);
          if (next.kind === 'count') {
            expect(others + next.hours <= 24 + 1e-6 || next.hours <= (ledger.get(id) ?? 0)).toBe(true);
            ledger.set(id, next.hours);
          } else if (state.status !== 'NONE') ledger.delete(id);

          if (state.status === 'OPEN') {
            expect(Object.keys(state.counted).sort()).toEqual([...ledger.keys()].sort());
            expect(state.totalMicroHours / 1e6).toBeCloseTo(sumOf(ledger), 5);
            expect(state.totalMicroHours).toBe(Object.values(state.counted).reduce((sum, micro) => sum + micro, 0));
            // Whatever the opening held, counts only ever bring the day to 24 hours at most.
            if (sumOf(new Map(entries.map((e) => [e.workEntryId, e.hours]))) <= 24) expect(state.totalMicroHours).toBeLessThanOrEqual(24_000_000);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(1000);
    expect(refusals).toBeGreaterThan(100);
  });
});
