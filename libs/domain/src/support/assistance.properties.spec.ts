import fc from 'fast-check';
import { assistanceFigures, deliveredMostlyAs, hoursByMode, labelMatches, type EngagementFacts } from './assistance';
import { ASSISTANCE_MODES, type AssistanceMode } from './support.events';

const mode = fc.constantFrom(...ASSISTANCE_MODES);
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
// Quarter hours, so sums are exact and ties really happen.
const session = fc.record({ heldOn: day, hours: fc.integer({ min: 1, max: 16 }).map((q) => q / 4), mode });
const engagement = (index: number) =>
  fc.record({ requestedAs: mode, sessions: fc.array(session, { maxLength: 8 }) }).map((e): EngagementFacts => ({ engagementId: `e${index}`, ...e }));
const engagements = fc.array(fc.nat(), { maxLength: 8 }).chain((ns) => fc.tuple(...ns.map((_, i) => engagement(i))));

/** The rule in plain loops: the most hours; a tie to requestedAs if tied, else the first mode in the spectrum. */
const reference = (sessions: readonly { hours: number; mode: AssistanceMode }[], requestedAs: AssistanceMode): AssistanceMode | null => {
  if (sessions.length === 0) return null;
  const totals: Record<string, number> = {};
  for (const s of sessions) totals[s.mode] = (totals[s.mode] ?? 0) + s.hours;
  let best: AssistanceMode | null = null;
  for (const m of ASSISTANCE_MODES) {
    if (totals[m] === undefined) continue;
    if (best === null || totals[m]! > totals[best]!) best = m;
  }
  if (totals[requestedAs] !== undefined && totals[requestedAs] === totals[best!]) return requestedAs;
  return best;
};

describe('assistance figures', () => {
  it('delivered mostly as: the reference computation agrees', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 12 }), mode, (sessions, requestedAs) => {
        expect(deliveredMostlyAs(sessions, requestedAs)).toBe(reference(sessions, requestedAs));
        expect(labelMatches(sessions, requestedAs)).toBe(sessions.length === 0 || reference(sessions, requestedAs) === requestedAs);
      }),
    );
  });

  it('the report over a period: the reference computation agrees', () => {
    fc.assert(
      fc.property(engagements, day, day, (list, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const figures = assistanceFigures(list, from, to);
        const inPeriod = list.map((e) => ({ e, s: e.sessions.filter((s) => s.heldOn >= from && s.heldOn <= to) })).filter((x) => x.s.length > 0);
        let sessions = 0;
        let hours = 0;
        for (const x of inPeriod) for (const s of x.s) { sessions += 1; hours += s.hours; }
        expect(figures.engagements).toBe(inPeriod.length);
        expect(figures.byMode.reduce((n, m) => n + m.sessions, 0)).toBe(sessions);
        expect(figures.byMode.reduce((n, m) => n + m.hours, 0)).toBeCloseTo(hours, 6);
        expect(figures.requestedAsCoaching).toBe(inPeriod.filter((x) => x.e.requestedAs === 'COACH').length);
        expect(figures.deliveredAsCoaching).toBe(inPeriod.filter((x) => reference(x.s, x.e.requestedAs) === 'COACH').length);
        expect(figures.mislabelled).toEqual(inPeriod.filter((x) => reference(x.s, x.e.requestedAs) !== x.e.requestedAs).map((x) => x.e.engagementId));
      }),
    );
  });

  it('names a tie: the requested mode when tied, else the first listed', () => {
    const tie = [{ heldOn: '2026-03-01', hours: 2, mode: 'COACH' }, { heldOn: '2026-03-02', hours: 2, mode: 'MENTOR' }] as const;
    expect(deliveredMostlyAs(tie, 'COACH')).toBe('COACH');
    expect(deliveredMostlyAs(tie, 'TRAINER')).toBe('MENTOR');
    expect(hoursByMode(tie).map((m) => m.hours)).toEqual([0, 2, 2, 0]);
  });
});
