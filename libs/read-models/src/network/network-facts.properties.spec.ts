import fc from 'fast-check';
import {
  addDays,
  networkHealth,
  networkMap,
  RELATIONSHIP_KINDS,
  STANCES,
  TOUCHPOINT_VEHICLES,
  VALUE_DIRECTIONS,
  type NetworkFacts,
  type ThroughlineEvent,
} from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
// The domain's reference: the facts folded from whole histories, which this read model must equal.
import { networkFactsFrom, type NetworkEvent } from '../../../domain/src/network/network.fixtures';
import { ReadModelDb } from '../read-model-db';
import { NetworkFactsProjection } from './network-facts.projection';
import { NetworkFactsReader } from './network-facts.reader';

const PMO = '1a2b3c4d-0000-4000-8000-00000000000a';
const OTHER_PMO = '1a2b3c4d-0000-4000-8000-00000000000b';
const ON = '2026-06-30';
const contactIdOf = (i: number) => `c0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const otherContactIdOf = (i: number) => `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const groupIdOf = (i: number) => `90000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const touchpointIdOf = (i: number) => `70000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The instant the store records the n-th event: a day apart from the first, never going back. */
const instantOf = (n: number) => `${addDays('2026-01-01', n)}T12:00:00.000Z`;

/**
 * A random network history of one PMO around ON, as deciders would let it be recorded: contacts
 * and groups first, then memberships, assessments, revisions, endings and touchpoints of the
 * contacts and groups that exist; touchpoints of another PMO are mixed in, and must not count.
 */
const history: fc.Arbitrary<NetworkEvent[]> = (() => {
  const day = fc
    .oneof({ arbitrary: fc.integer({ min: -120, max: 10 }), weight: 4 }, { arbitrary: fc.integer({ min: -300, max: 40 }), weight: 1 })
    .map((offset) => addDays(ON, offset));
  return fc
    .record({
      contacts: fc.array(fc.record({ knownSince: day, relationship: fc.constantFrom(...RELATIONSHIP_KINDS) }), { maxLength: 8, size: 'max' }),
      groups: fc.array(fc.record({ formedOn: day, cadenceDays: fc.integer({ min: 1, max: 120 }) }), { maxLength: 4, size: 'max' }),
      later: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant('member' as const), contact: fc.nat(7), group: fc.nat(3), add: fc.boolean() }),
          fc.record({ kind: fc.constant('assess' as const), contact: fc.nat(7), on: day, stance: fc.constantFrom(...STANCES) }),
          fc.record({ kind: fc.constant('revise' as const), group: fc.nat(3), cadenceDays: fc.integer({ min: 1, max: 120 }) }),
          fc.record({ kind: fc.constant('end' as const), contact: fc.nat(7), on: day }),
          fc.record({
            kind: fc.constant('touch' as const),
            on: day,
            vehicle: fc.oneof({ arbitrary: fc.constant(TOUCHPOINT_VEHICLES[2]), weight: 3 }, { arbitrary: fc.constantFrom(...TOUCHPOINT_VEHICLES.slice(0, 4)), weight: 2 }),
            contacts: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 4 }),
            groups: fc.uniqueArray(fc.nat(3), { maxLength: 2 }),
            value: fc.constantFrom(null, ...VALUE_DIRECTIONS),
            elsewhere: fc.boolean(),
          }),
        ),
        { maxLength: 80, size: 'max' },
      ),
    })
    .map(({ contacts, groups, later }) => {
      const events: NetworkEvent[] = [];
      contacts.forEach(({ knownSince, relationship }, i) =>
        events.push({
          type: 'ContactAdded',
          data: { contactId: contactIdOf(i), pmoId: PMO, name: `c${i}`, organisation: null, role: null, source: 'TEAM_MEMBER', relationship, knownSince, groupIds: [] },
        }),
      );
      groups.forEach(({ formedOn, cadenceDays }, i) =>
        events.push({
          type: 'NetworkGroupFormed',
          data: { groupId: groupIdOf(i), pmoId: PMO, kind: 'OTHER', name: `g${i}`, connection: 'OPERATIONAL', cadenceDays, vehicles: ['ONE_TO_ONE'], formedOn },
        }),
      );
      const hasContact = (i: number) => i < contacts.length;
      const hasGroup = (i: number) => i < groups.length;
      let touchpoints = 0;
      for (const action of later) {
        if (action.kind === 'member' && hasContact(action.contact) && hasGroup(action.group)) {
          const data = { groupId: groupIdOf(action.group), contactId: contactIdOf(action.contact) };
          events.push(action.add ? { type: 'NetworkGroupMemberAdded', data } : { type: 'NetworkGroupMemberRemoved', data });
        } else if (action.kind === 'assess' && hasContact(action.contact)) {
          const data = { contactId: contactIdOf(action.contact), stance: action.stance, engagement: 'NEUTRAL' as const, desiredEngagement: 'NEUTRAL' as const };
          events.push({ type: 'ContactAssessed', data: { ...data, assessedOn: action.on, reason: null } });
        } else if (action.kind === 'revise' && hasGroup(action.group)) {
          events.push({ type: 'NetworkGroupRevised', data: { groupId: groupIdOf(action.group), cadenceDays: action.cadenceDays } });
        } else if (action.kind === 'end' && hasContact(action.contact)) {
          events.push({ type: 'ContactRelationshipEnded', data: { contactId: contactIdOf(action.contact), endedOn: action.on } });
        } else if (action.kind === 'touch') {
          const { on: heldOn, vehicle, value, elsewhere } = action;
          const touchpointId = touchpointIdOf(touchpoints++);
          // Another PMO's touchpoint, with its own contacts (a decider keeps each PMO's apart): nothing here counts it.
          const pmoId = elsewhere && touchpoints % 3 === 0 ? OTHER_PMO : PMO;
          const contactIds = pmoId === PMO ? action.contacts.filter(hasContact).map(contactIdOf) : action.contacts.map(otherContactIdOf);
          if (contactIds.length === 0) continue;
          const groupIds = pmoId === PMO ? action.groups.filter(hasGroup).map(groupIdOf) : [];
          events.push({ type: 'TouchpointRecorded', data: { touchpointId, pmoId, heldOn, vehicle, contactIds, groupIds, summary: 's', value, workEntryId: null } });
        }
      }
      return events;
    });
})();

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
});
