import fc from 'fast-check';
import { addDays, daysBetween, type LocalDate } from '../shared/local-date';
import { INSIGHT_DECISIONS, type InsightDecision } from './insight.events';
import { insightFunnel, median, type FunnelInsight } from './insight-funnel';

const BASE = '2026-01-01';
const day = fc.integer({ min: 0, max: 90 }).map((n) => addDays(BASE, n));

/** An insight's life as the decider allows it: parks, then at most one final decision, days not going back. */
const insight: fc.Arbitrary<FunnelInsight> = fc
  .record({
    heard: fc.integer({ min: 0, max: 90 }),
    parks: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
    final: fc.option(fc.record({ decision: fc.constantFrom<InsightDecision>('ADOPT', 'ADAPT', 'REJECT'), gap: fc.integer({ min: 0, max: 40 }) })),
  })
  .map(({ heard, parks, final }) => {
    const heardOn = addDays(BASE, heard);
    const decisions: { decision: InsightDecision; decidedOn: LocalDate }[] = [];
    let on = heardOn;
    for (const gap of parks) {
      on = addDays(on, gap);
      decisions.push({ decision: 'PARK', decidedOn: on });
    }
    if (final) decisions.push({ decision: final.decision, decidedOn: addDays(on, final.gap) });
    return { heardOn, decisions };
  });

/** The rule as the README words it, computed the plain way: one filter per figure. */
const reference = (insights: readonly FunnelInsight[], contributions: readonly LocalDate[], from: LocalDate, to: LocalDate) => {
  const heard = insights.filter((i) => from <= i.heardOn && i.heardOn <= to);
  const latest = (i: FunnelInsight) => (i.decisions.length === 0 ? null : i.decisions[i.decisions.length - 1]!.decision);
  const withLatest = (d: InsightDecision) => heard.filter((i) => latest(i) === d).length;
  const decided = heard.filter((i) => latest(i) !== null && latest(i) !== 'PARK');
  const days = decided
    .map((i) => daysBetween(i.heardOn, i.decisions.filter((d) => d.decision !== 'PARK')[0]!.decidedOn))
    .sort((a, b) => a - b);
  const n = days.length;
  return {
    heard: heard.length,
    decided: decided.length,
    adopted: withLatest('ADOPT'),
    adapted: withLatest('ADAPT'),
    parked: withLatest('PARK'),
    rejected: withLatest('REJECT'),
    medianDaysToDecision: n === 0 ? null : n % 2 === 1 ? days[(n - 1) / 2]! : (days[n / 2 - 1]! + days[n / 2]!) / 2,
    contributions: contributions.filter((c) => from <= c && c <= to).length,
  };
};

describe('the insight funnel', () => {
  it('agrees with the plain computation of its rule, for any insights, contributions and window', () => {
    fc.assert(
      fc.property(fc.array(insight, { maxLength: 30 }), fc.array(day, { maxLength: 20 }), day, day, (insights, contributions, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(insightFunnel(insights, contributions, { from, to })).toEqual(reference(insights, contributions, from, to));
      }),
    );
  });

  it('counts decided ones as adopted, adapted and rejected: every heard one is decided, parked or undecided', () => {
    fc.assert(
      fc.property(fc.array(insight, { maxLength: 30 }), day, day, (insights, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const f = insightFunnel(insights, [], { from, to });
        expect(f.decided).toBe(f.adopted + f.adapted + f.rejected);
        expect(f.decided + f.parked).toBeLessThanOrEqual(f.heard);
        expect(f.medianDaysToDecision === null).toBe(f.decided === 0);
      }),
    );
  });

  it('given an example, then counts by the latest decision and times the first final one', () => {
    const insights: FunnelInsight[] = [
      { heardOn: '2026-02-01', decisions: [{ decision: 'PARK', decidedOn: '2026-02-03' }, { decision: 'ADOPT', decidedOn: '2026-02-11' }] },
      { heardOn: '2026-02-05', decisions: [{ decision: 'REJECT', decidedOn: '2026-02-05' }] },
      { heardOn: '2026-02-07', decisions: [{ decision: 'PARK', decidedOn: '2026-02-08' }] },
      { heardOn: '2026-02-09', decisions: [] },
      { heardOn: '2026-03-01', decisions: [{ decision: 'ADAPT', decidedOn: '2026-03-02' }] },
    ];
    expect(insightFunnel(insights, ['2026-01-31', '2026-02-01', '2026-02-28'], { from: '2026-02-01', to: '2026-02-28' })).toEqual({
      heard: 4, decided: 2, adopted: 1, adapted: 0, parked: 1, rejected: 1, medianDaysToDecision: 5, contributions: 2,
    });
    expect(median([])).toBeNull();
    expect(INSIGHT_DECISIONS).toEqual(['ADOPT', 'ADAPT', 'PARK', 'REJECT']);
  });
});
