import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { PmoCommand } from './pmo.commands';
import { pmoDecider } from './pmo.decider';
import { MANDATE_PURPOSES, PMO_KINDS, type PmoKind } from './pmo.events';
import type { PmoState } from './pmo.state';
import { pmoView, type PmoView } from './pmo.view';

const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const RANK: Record<PmoKind, number> = { PORTFOLIO: 3, PROGRAMME: 2, PROJECT: 1 };
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Mostly plausible values, with hostile ones mixed in, so sequences both succeed and get refused.
const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Group PMO', '  Digital office  ', 'CFO', 'Assure delivery', 'Équipe 🚀') },
  { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom('', '   ', 'x'.repeat(201), 'Nul\u0000byte', 'bad \ud800 half') },
);
const kind = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...PMO_KINDS) }, { weight: 1, arbitrary: fc.constant('GALAXY' as PmoKind) });
const day = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2026-01-01', '2026-03-15') }, { weight: 1, arbitrary: fc.constantFrom('2026-02-30', 'soon') });

const establish: fc.Arbitrary<PmoCommand> = fc.record({
  type: fc.constant('EstablishPmo' as const),
  pmoId: fc.constant(pmoId),
  name: text,
  kind,
  parent: fc.option(fc.record({ pmoId: fc.constantFrom('0b9e7c3d-2f4a-4e61-8c5b-7d1a9e3f6b22', pmoId), kind: fc.constantFrom(...PMO_KINDS) }), { nil: null }),
  head: fc.option(text, { nil: null }),
});
const issueMandate: fc.Arbitrary<PmoCommand> = fc.record({
  type: fc.constant('IssueMandate' as const),
  pmoId: fc.constant(pmoId),
  purpose: fc.constantFrom(...MANDATE_PURPOSES),
  statement: text,
  sponsor: text,
  effectiveFrom: day,
  reason: fc.option(text, { nil: null }),
});
const command: fc.Arbitrary<PmoCommand> = fc.oneof(
  establish,
  fc.record({ type: fc.constant('RenamePmo' as const), pmoId: fc.constant(pmoId), name: text }),
  fc.record({ type: fc.constant('AssignPmoHead' as const), pmoId: fc.constant(pmoId), head: fc.option(text) }),
  { weight: 3, arbitrary: issueMandate },
);

describe('PMO invariants under any sequence of commands', () => {
  it('keeps a valid kind, parent and name, and mandates numbered 1, 2, 3... each after the first with a reason', () => {
    let mandatesReplaced = 0;
    fc.assert(
      // Most sequences open with an EstablishPmo, so the later commands meet an existing PMO.
      fc.property(fc.array(establish, { maxLength: 2 }), fc.array(command, { maxLength: 30 }), (opening, rest) => {
        let state: PmoState = pmoDecider.initialState;
        let shown: PmoView = pmoView.initialState;
        let revision = 0;
        let established: { kind: PmoKind; parentId: string | null } | null = null;
        for (const next of [...opening, ...rest]) {
          const decision = decideOrRefuse(pmoDecider, next, state, defaultContext);
          if ('refused' in decision) continue;
          state = decision.events.reduce(pmoDecider.evolve, state);
          shown = decision.events.reduce((v, e) => pmoView.evolve(v, e, { revision: revision++, recordedAt: defaultContext.now, actor: 'a' }), shown);
          if (state.status === 'NONE' || shown.status === 'NONE') throw new Error('an accepted command left no PMO');
          // The view shows what the decider's state holds.
          expect(shown).toMatchObject({ name: state.name, head: state.head, mandate: state.mandate });

          if (next.type === 'EstablishPmo') {
            // A child never outranks its parent, nor is it its own parent.
            if (next.parent) {
              expect(RANK[shown.kind]).toBeLessThanOrEqual(RANK[next.parent.kind]);
              expect(next.parent.pmoId).not.toBe(pmoId);
            }
            established = { kind: shown.kind, parentId: shown.parentId };
          }
          if (next.type === 'IssueMandate' && (state.mandate?.version ?? 0) > 1) mandatesReplaced += decision.events.length;

          expect({ kind: shown.kind, parentId: shown.parentId }).toEqual(established);
          expect(PMO_KINDS).toContain(shown.kind);
          expect([...state.name].length).toBeGreaterThanOrEqual(1);
          expect([...state.name].length).toBeLessThanOrEqual(200);
          expect(state.name).toBe(state.name.trim());
          expect(state.name).not.toMatch(CONTROL);
          const mandates = [...shown.previousMandates, ...(shown.mandate ? [shown.mandate] : [])];
          expect(mandates.map((m) => m.version)).toEqual(mandates.map((_, i) => i + 1));
          for (const later of mandates.slice(1)) expect(later.reason).not.toBeNull();
        }
      }),
      { numRuns: 300 },
    );
    // The sequences reached the rules above, not only refusals.
    expect(mandatesReplaced).toBeGreaterThan(10);
  });

  it('is established once: a second EstablishPmo is always refused', () => {
    fc.assert(
      fc.property(establish, establish, (first, second) => {
        const decision = decideOrRefuse(pmoDecider, first, pmoDecider.initialState, defaultContext);
        fc.pre('events' in decision);
        const state = 'events' in decision ? decision.events.reduce(pmoDecider.evolve, pmoDecider.initialState) : pmoDecider.initialState;

        const again = decideOrRefuse(pmoDecider, second, state, defaultContext);

        expect('refused' in again ? again.refused.code : 'accepted').toBe('PMO_ALREADY_EXISTS');
      }),
    );
  });
});
