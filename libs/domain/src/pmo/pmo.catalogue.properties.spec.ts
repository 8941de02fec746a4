import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import { addDays } from '../shared/local-date';
import { foldView } from '../shared/view';
import type { ChangePmoCatalogue } from './pmo.commands';
import { pmoDecider } from './pmo.decider';
import type { PmoEvent } from './pmo.events';
import { catalogueOn, pmoView, type EstablishedPmoView } from './pmo.view';

const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const ESTABLISHED_ON = '2026-01-01';
const established: PmoEvent = { type: 'PmoEstablished', data: { pmoId, name: 'Office', kind: 'PROJECT', parentId: null, head: null, establishedOn: ESTABLISHED_ON } };
const NAMES = ['Jira', 'Miro', 'Excel'] as const;

const change = fc.record({
  type: fc.constantFrom('DeclarePmoCatalogueItem' as const, 'RetirePmoCatalogueItem' as const),
  catalogue: fc.constantFrom('SERVICE' as const, 'TOOL' as const),
  name: fc.constantFrom(...NAMES),
  // Days around the PMO's life, some before it began and some after today (2026-03-15).
  offset: fc.integer({ min: -5, max: 80 }),
});

/**
 * The reference: replays accepted changes in order, each item's presence on a day being the last
 * change dated on or before that day (a declaration puts it in, a retirement takes it out).
 */
const reference = (accepted: readonly { type: string; catalogue: string; name: string; on: string }[], day: string, catalogue: string): string[] => {
  const present = new Map<string, boolean>();
  for (const c of accepted) if (c.catalogue === catalogue && c.on <= day) present.set(c.name, c.type === 'DeclarePmoCatalogueItem');
  return [...present].filter(([, on]) => on).map(([name]) => name).sort();
};

describe('catalogue as of a day (property)', () => {
  it('given any sequence of declarations and retirements, then what the PMO had on every day equals the reference', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), (changes) => {
        const events: PmoEvent[] = [established];
        const accepted: { type: string; catalogue: string; name: string; on: string }[] = [];
        // Days move forward as a PMO records them; a day behind the last one may still be refused.
        changes.forEach(({ offset, ...rest }, i) => {
          const on = addDays(ESTABLISHED_ON, offset);
          const command: ChangePmoCatalogue = { ...rest, pmoId, description: null, on, reason: null, establishedOn: ESTABLISHED_ON };
          const state = events.reduce(pmoDecider.evolve, pmoDecider.initialState);
          const decision = decideOrRefuse(pmoDecider, command, state, { ...defaultContext, now: `2026-03-15T09:00:${String(i % 60).padStart(2, '0')}.000Z` });
          if ('events' in decision) {
            events.push(...decision.events);
            accepted.push({ ...rest, on });
          } else {
            expect(['CATALOGUE_ITEM_ALREADY_CURRENT', 'CATALOGUE_ITEM_NOT_CURRENT', 'CATALOGUE_DAY_OUT_OF_ORDER', 'DAY_IN_FUTURE', 'DAY_BEFORE_ESTABLISHMENT']).toContain(decision.refused.code);
          }
        });
        const view = foldView(pmoView, events, (revision) => ({ revision, recordedAt: '2026-03-15T09:00:00.000Z', actor: 'ada' })) as EstablishedPmoView;
        // Accepted changes of one item never go back in time, so the periods do not overlap.
        for (let offset = -2; offset <= 75; offset += 1) {
          const day = addDays(ESTABLISHED_ON, offset);
          for (const catalogue of ['SERVICE', 'TOOL'] as const) {
            expect(catalogueOn(view, catalogue, day).map((e) => e.name)).toEqual(reference(accepted, day, catalogue));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
