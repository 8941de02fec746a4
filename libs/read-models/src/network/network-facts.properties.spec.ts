import fc from 'fast-check';
import {
  addDays,
  networkHealth,
  networkMap,
  type NetworkFacts,
  type ThroughlineEvent,
} from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
// The domain's reference: the facts folded from whole histories, which this read model must equal.
import { networkFactsFrom, type NetworkEvent } from '../../../domain/src/network/network.fixtures';
import { networkHistory } from '../../../testing/src/network-history.arbitrary';
import { ReadModelDb } from '../read-model-db';
import { NetworkFactsProjection } from './network-facts.projection';
import { NetworkCadenceReader } from './network-cadence.reader';
import { NetworkFactsReader } from './network-facts.reader';

const PMO = '1a2b3c4d-0000-4000-8000-00000000000a';
const OTHER_PMO = '1a2b3c4d-0000-4000-8000-00000000000b';
const ON = '2026-06-30';

/** The instant the store records the n-th event: a day apart from the first, never going back. */
const instantOf = (n: number) => `${addDays('2026-01-01', n)}T12:00:00.000Z`;

/**
 * A random network history of one PMO around ON, as deciders would let it be recorded, with
 * touchpoints of another PMO mixed in, which must not count.
 */
const history = networkHistory({ pmoId: PMO, on: ON, otherPmoId: OTHER_PMO });

const recorded = (event: ThroughlineEvent, n: number): RecordedEvent => ({
  id: `event-${n}`,
  streamId: `x-${n}`,
  revision: 0,
  position: BigInt(n + 1),
  type: event.type,
  schemaVersion: 1,
  data: { ...(event.data as unknown as Record<string, unknown>) },
  metadata: { actor: 'ada@pmo.example', correlationId: 'spec', recordedAt: instantOf(n) },
  hash: '',
  prevHash: '',
});

/** The window's touchpoints by day, and who took part in each as a set: the order of neither is a fact. */
const normalised = (facts: NetworkFacts): NetworkFacts => ({
  ...facts,
  recentTouchpoints: facts.recentTouchpoints
    .map((t) => ({ heldOn: t.heldOn, vehicle: t.vehicle, value: t.value, contactIds: [...t.contactIds].sort(), groupIds: [...t.groupIds].sort() }))
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
});

const ofPmo = (event: NetworkEvent): boolean => event.type !== 'TouchpointRecorded' || event.data.pmoId === PMO;

describe('network facts read model against the domain’s reference', () => {
  it('given any history, health on any day as known at any instant equals the health of the facts folded from the whole history known then', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: -200, max: 20 }), fc.option(fc.nat(120), { nil: null }), (events, offset, cutAt) => {
        const db = ReadModelDb.open(':memory:');
        try {
          const projection = new NetworkFactsProjection();
          db.ensureSchema([projection]);
          const reader = new NetworkFactsReader(db);
          const on = addDays(ON, offset);
          // Asked once halfway, as known then: what it keeps of that answer must not outlive what is added after.
          const half = Math.floor(events.length / 2);
          db.transaction(() => events.slice(0, half).forEach((event, n) => projection.apply(recorded(event, n), db.connection)));
          reader.healthFacts(PMO, on, null);
          db.transaction(() => events.slice(half).forEach((event, n) => projection.apply(recorded(event, half + n), db.connection)));
          const known = cutAt === null ? events : events.slice(0, cutAt + 1);
          const asOf = cutAt === null ? null : instantOf(cutAt);

          const reference = networkFactsFrom(known.filter(ofPmo), on);
          expect(networkHealth(reader.healthFacts(PMO, on, asOf))).toEqual(networkHealth(reference));
          expect(normalised(reader.healthFacts(PMO, on, asOf))).toEqual(normalised(reference));
        } finally {
          db.close();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('given any history, the map’s edges aggregated in SQL are the domain’s map of the same touchpoints', () => {
    fc.assert(
      fc.property(history, fc.option(fc.nat(120), { nil: null }), (events, cutAt) => {
        const db = ReadModelDb.open(':memory:');
        try {
          const projection = new NetworkFactsProjection();
          db.ensureSchema([projection]);
          db.transaction(() => events.forEach((event, n) => projection.apply(recorded(event, n), db.connection)));
          const known = (cutAt === null ? events : events.slice(0, cutAt + 1)).filter(ofPmo);
          const contactIds = known.flatMap((e) => (e.type === 'ContactAdded' ? [e.data.contactId] : []));
          const touchpoints = known.flatMap((e) => (e.type === 'TouchpointRecorded' ? [{ contactIds: e.data.contactIds }] : []));

          const { contactIds: nodes, edges } = new NetworkFactsReader(db).map(PMO, cutAt === null ? null : instantOf(cutAt));
          expect({ nodes, edges }).toEqual(networkMap(contactIds, touchpoints));
        } finally {
          db.close();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('given any history, the groups counted and found overdue across PMOs are those the health judges, on any day as known at any instant', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: -200, max: 20 }), fc.option(fc.nat(120), { nil: null }), (events, offset, cutAt) => {
        const db = ReadModelDb.open(':memory:');
        try {
          const projection = new NetworkFactsProjection();
          db.ensureSchema([projection]);
          db.transaction(() => events.forEach((event, n) => projection.apply(recorded(event, n), db.connection)));
          const on = addDays(ON, offset);
          const asOf = cutAt === null ? null : instantOf(cutAt);
          const { groups } = networkHealth(new NetworkFactsReader(db).healthFacts(PMO, on, asOf));

          expect(new NetworkCadenceReader(db).groupsDue([PMO, OTHER_PMO], on, asOf)).toEqual([
            { groups: groups.length, overdue: groups.filter((group) => group.overdue).length },
            { groups: 0, overdue: 0 },
          ]);
        } finally {
          db.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});
