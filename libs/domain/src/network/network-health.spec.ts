import type { ContactHealthFacts, GroupHealthFacts, NetworkFacts, WindowTouchpoint } from './network-health';
import { networkHealth, windowStart } from './network-health';

const ON = '2026-06-30';
const contact = (contactId: string, overrides: Partial<ContactHealthFacts> = {}): ContactHealthFacts => ({
  contactId,
  knownSince: '2025-01-01',
  relationship: 'STAKEHOLDER',
  endedOn: null,
  groupIds: [],
  assessments: [],
  lastTouchpointOn: null,
  ...overrides,
});
const group = (groupId: string, overrides: Partial<GroupHealthFacts> = {}): GroupHealthFacts => ({
  groupId,
  formedOn: '2025-01-01',
  cadenceDays: 30,
  memberIds: [],
  lastTouchpointOn: null,
  ...overrides,
});
const touchpoint = (overrides: Partial<WindowTouchpoint> = {}): WindowTouchpoint => ({
  heldOn: '2026-06-01',
  vehicle: 'ONE_TO_ONE',
  contactIds: ['a'],
  groupIds: [],
  value: null,
  ...overrides,
});
const health = (facts: Partial<NetworkFacts>) => networkHealth({ on: ON, contacts: [], groups: [], recentTouchpoints: [], ...facts });

describe('network health', () => {
  it('judges the 90 days up to and including the day', () => {
    expect(windowStart(ON)).toBe('2026-04-02');
  });

  it('counts the contacts known by the day and not ended by it, and the lines between them and the PMO', () => {
    const figures = health({
      contacts: [
        contact('a'),
        contact('b', { knownSince: ON }),
        contact('c', { knownSince: '2026-07-01' }),
        contact('d', { endedOn: ON }),
        contact('e', { endedOn: '2026-07-01' }),
      ],
    });
    expect(figures).toMatchObject({ contacts: 3, potentialLines: 6 });
  });

  it('is stale with no contact new in the window, and fresh with one known since its first day', () => {
    expect(health({ contacts: [contact('a', { knownSince: '2026-04-01' })] })).toMatchObject({ newContactsLast90Days: 0, stale: true });
    expect(health({ contacts: [contact('a', { knownSince: '2026-04-02' })] })).toMatchObject({ newContactsLast90Days: 1, stale: false });
  });

  describe('of a group', () => {
    it('is due a cadence after its last touchpoint, and overdue only after that day', () => {
      const onTime = health({ groups: [group('g', { lastTouchpointOn: '2026-05-31' })] }).groups[0];
      const late = health({ groups: [group('g', { lastTouchpointOn: '2026-05-30' })] }).groups[0];
      expect(onTime).toMatchObject({ nextDueOn: ON, overdue: false, daysSinceLastTouchpoint: 30 });
      expect(late).toMatchObject({ nextDueOn: '2026-06-29', overdue: true, daysSinceLastTouchpoint: 31 });
    });

    it('is due a cadence after it was formed before any touchpoint, and left out before it is formed', () => {
      const figures = health({ groups: [group('g', { formedOn: '2026-06-20' }), group('later', { formedOn: '2026-07-01' })] });
      expect(figures.groups).toEqual([expect.objectContaining({ groupId: 'g', nextDueOn: '2026-07-20', overdue: false, daysSinceLastTouchpoint: null, touchpoints: 0, dominantVehicleShare: 0 })]);
    });

    it('counts the touchpoints that name it or that a member took part in since it was formed, by vehicle', () => {
      const figures = health({
        groups: [group('g', { memberIds: ['m'], formedOn: '2026-05-01' })],
        recentTouchpoints: [
          touchpoint({ groupIds: ['g'], vehicle: 'NEWSLETTER' }),
          touchpoint({ contactIds: ['m'], vehicle: 'WORKSHOP' }),
          touchpoint({ contactIds: ['m', 'x'], vehicle: 'WORKSHOP' }),
          touchpoint({ contactIds: ['x'], vehicle: 'WORKSHOP' }),
          touchpoint({ contactIds: ['m'], heldOn: '2026-04-30' }),
          touchpoint({ contactIds: ['m'], heldOn: '2026-04-01' }),
        ],
      });
      expect(figures.groups[0]).toMatchObject({
        touchpoints: 3,
        vehicles: [
          { vehicle: 'WORKSHOP', touchpoints: 2, share: 2 / 3 },
          { vehicle: 'NEWSLETTER', touchpoints: 1, share: 1 / 3 },
        ],
        dominantVehicleShare: 2 / 3,
        leaningOnOneVehicle: false,
      });
    });

    it('leans on one vehicle with five touchpoints or more of which more than 60% went through it', () => {
      const through = (vehicles: WindowTouchpoint['vehicle'][]) =>
        health({ groups: [group('g')], recentTouchpoints: vehicles.map((vehicle) => touchpoint({ groupIds: ['g'], vehicle })) }).groups[0]!;
      expect(through(['EVENT', 'EVENT', 'EVENT', 'EVENT'])).toMatchObject({ dominantVehicleShare: 1, leaningOnOneVehicle: false });
      expect(through(['EVENT', 'EVENT', 'EVENT', 'REPORT', 'TRAINING'])).toMatchObject({ dominantVehicleShare: 0.6, leaningOnOneVehicle: false });
      expect(through(['EVENT', 'EVENT', 'EVENT', 'EVENT', 'TRAINING'])).toMatchObject({ dominantVehicleShare: 0.8, leaningOnOneVehicle: true });
      expect(through(['TRAINING', 'EVENT']).vehicles.map((v) => v.vehicle)).toEqual(['TRAINING', 'EVENT']);
    });
  });

  describe('of stances', () => {
    it('takes the latest day assessed by the day, the later recorded winning a tie', () => {
      const figures = health({
        contacts: [
          contact('a', { assessments: [{ stance: 'CRITIC', assessedOn: '2026-05-01' }, { stance: 'CHAMPION', assessedOn: '2026-05-01' }] }),
          contact('b', { assessments: [{ stance: 'CRITIC', assessedOn: '2026-06-01' }, { stance: 'CHAMPION', assessedOn: '2026-05-01' }] }),
          contact('c', { assessments: [{ stance: 'CRITIC', assessedOn: '2026-05-01' }, { stance: 'CHAMPION', assessedOn: '2026-07-01' }] }),
          contact('d', { assessments: [{ stance: 'CHAMPION', assessedOn: '2026-05-01' }], endedOn: '2026-06-01' }),
        ],
      });
      expect(figures).toMatchObject({ champions: 1, critics: 2 });
    });

    it('counts the assessments in the window that changed a stance, the first of a contact changing nothing', () => {
      const figures = health({
        contacts: [
          contact('a', {
            assessments: [
              { stance: 'NEUTRAL', assessedOn: '2026-05-10' },
              { stance: 'CRITIC', assessedOn: '2026-03-01' },
              { stance: 'NEUTRAL', assessedOn: '2026-06-01' },
              { stance: 'SUPPORTER', assessedOn: '2026-07-01' },
            ],
          }),
          contact('b', { assessments: [{ stance: 'CHAMPION', assessedOn: '2026-06-01' }] }),
        ],
      });
      expect(figures.stanceChanges).toBe(1);
    });

    it('finds the champions and critics not touched within the cadence of any of their groups, or 90 days with none', () => {
      const champion = [{ stance: 'CHAMPION' as const, assessedOn: '2026-01-01' }];
      const figures = health({
        groups: [group('weekly', { cadenceDays: 7 }), group('monthly', { cadenceDays: 30 })],
        contacts: [
          contact('both-late', { assessments: champion, groupIds: ['weekly', 'monthly'], lastTouchpointOn: '2026-05-30' }),
          contact('monthly-ok', { assessments: champion, groupIds: ['weekly', 'monthly'], lastTouchpointOn: '2026-05-31' }),
          contact('none-late', { assessments: champion, knownSince: '2026-03-31' }),
          contact('none-ok', { assessments: champion, knownSince: '2026-04-01', lastTouchpointOn: '2026-04-01' }),
          contact('supporter', { assessments: [{ stance: 'SUPPORTER', assessedOn: '2026-01-01' }] }),
        ],
      });
      expect(figures.neglected).toEqual(['both-late', 'none-late']);
    });
  });

  it('counts window touchpoints that brought two groups together, by name or through their contacts', () => {
    const figures = health({
      groups: [group('g1'), group('g2'), group('later', { formedOn: '2026-07-01' })],
      contacts: [contact('a', { groupIds: ['g1'] }), contact('b', { groupIds: ['g2', 'later'] }), contact('c', { groupIds: ['g1'] })],
      recentTouchpoints: [
        touchpoint({ contactIds: ['a', 'b'] }),
        touchpoint({ contactIds: ['a'], groupIds: ['g2'] }),
        touchpoint({ contactIds: ['a', 'c'], groupIds: ['g1'] }),
        touchpoint({ contactIds: ['b'] }),
        touchpoint({ contactIds: ['a', 'b'], heldOn: '2026-04-01' }),
      ],
    });
    expect(figures.crossGroupTouchpoints).toBe(2);
  });

  it('counts the value given and received in touchpoints with an internal relationship', () => {
    const figures = health({
      contacts: [contact('hr', { relationship: 'INTERNAL' }), contact('pm')],
      recentTouchpoints: [
        touchpoint({ contactIds: ['pm', 'hr'], value: 'GIVEN' }),
        touchpoint({ contactIds: ['hr'], value: 'BOTH' }),
        touchpoint({ contactIds: ['hr'], value: 'RECEIVED' }),
        touchpoint({ contactIds: ['hr'], value: null }),
        touchpoint({ contactIds: ['pm'], value: 'BOTH' }),
      ],
    });
    expect(figures).toMatchObject({ valueGiven: 2, valueReceived: 2 });
  });
});
