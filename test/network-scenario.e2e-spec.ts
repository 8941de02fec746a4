import { daysFromToday } from './support/days';
import { AUDIT_LOG, HISTORY } from './support/operations';
import { MEMBER, RECORD_TOUCHPOINT, WORK_HOURS, WORK_TOUCHPOINT, recordNetwork, type GroupKey, type Network } from './support/network-scenario';
import { startTestApp, type TestApp } from './support/test-app';
import { idAsOf } from './support/snapshot-ids';

jest.setTimeout(120_000);

/**
 * A PMO's network over three months, judged by hand on day -40 and today (0), and today as known
 * before a second batch of recording. The cast, the groups and every dated fact are the tables of
 * test/support/network-scenario.ts (touchpoints numbered #1..#42); batch 2 (#40 -62 Quin, #41 -20
 * Gail+Hugo+Iris, #42 -2 Tess, Tess herself, Gail's CRITIC on -20) is recorded after `asOf`.
 *
 * Groups (formed -120): Delivery 14d {Ada Ben Cleo Dev Eve}, Senior 30d {Eve Finn Gail Hugo Iris},
 * Wider 45d {Jon Kim Lou Mia Ned}, External 60d {Ola Pia Quin Rae}; Sam and Tess in none.
 * INTERNAL: Eve, Hugo, Jon, Kim. Dev's relationship ends on -25.
 *
 * Windows: day 0 is [-89, 0], day -40 is [-129, -40].
 * - Contacts. On -40: 20 less Iris -20, Ned -35, Rae -12, Tess -3 (not yet known) = 16, lines
 *   16·17/2 = 136; nobody's knownSince is in [-129, -40] (Quin -150 is before), so 0 new: stale.
 *   On 0: 20 less Dev (ended -25) = 19, lines 190; new Iris, Ned, Rae, Tess = 4. As of asOf Tess
 *   is unknown: 18, lines 171, 3 new.
 * - A touchpoint is with a group when it names it or a member took part, so every touchpoint with
 *   Eve is with Delivery and Senior. Per group, by number (vehicles O2O, COP, TRAIN, SHADOW, WS,
 *   STEER, REP, NL, EV, BLOG, SOC):
 *   Delivery #4 -92 O2O, 5 COP, 8 O2O, 9 O2O, 10 SHADOW, 11 O2O(Eve), 13 TRAIN, 15 TRAIN, 18 COP,
 *     20 COP -55 | 25 WS -38, 29 COP, 30 O2O, 32 O2O, 33 COP, 35 TRAIN, 36 O2O, 37 O2O, 39 O2O -3.
 *   Senior #6 STEER -85, 11 O2O, 14 O2O, 18 COP(Eve), 19 REP, 21 O2O, 23 STEER -48 | 26 O2O(Hugo),
 *     28 REP -33, [41 STEER -20].
 *   Wider #7 NL -84, 16 EV, 17 NL, 22 WS, 24 NL -44 | 25 WS(Jon), 26 O2O(Kim), 27 NL, 31 NL, 34 NL, 38 NL -4.
 *   External #1 EV -110, 3 BLOG -95, 12 BLOG -72, 16 EV -65, [40 SOC -62].
 *   Day 0 counts everything from -88 on (#4, #1, #3 fall before the window); day -40 counts up to
 *   the bar. Delivery's last before -40 is -55, due -41: overdue on -40 by a day. Wider on -40 has
 *   3 newsletters of 5 = 0.6 exactly, not over 0.6; on 0, 7 of 11: leaning.
 * - Stance on 0: champions Ada (-25), Eve (-100), Finn (-45), Hugo, Kim (the later recorded of two
 *   on -60), Pia = 6; critics Gail (-20, batch 2), Lou, Sam (-70) = 3; Mia turned NEUTRAL on -10.
 *   On -40: Ada and Gail not yet, Mia still CRITIC: 5 and 3. As of asOf: Gail SUPPORTER: 6 and 2.
 * - Neglected (last touchpoint the contact took part in, or knownSince): on 0, Eve -62 (62 > 14
 *   and > 30), Finn -33 (> 30), Lou -50 (> 45), Pia none, known -3000, Sam -100 (> 90, no group);
 *   not Hugo or Gail (#41 on -20). As of asOf Hugo's last is -33: neglected too. On -40 only Pia:
 *   Eve's -62 is 22 days, over Delivery's 14 but not Senior's 30; Sam's -100 is 60 ≤ 90.
 * - Cross-group: #11 (Eve), #16 (names two), #18 (Eve), #25 (Ada+Jon), #26 (Hugo+Kim) = 5 on 0;
 *   the first three on -40.
 * - Value with an INTERNAL contact (#5 GIVEN has none): given #6, 11, 18, 25, 26, 28; received
 *   #11, 16, 22, 23, 25, 26, [41]. On 0: 6 and 7 (6 as of asOf); on -40: #6, 11, 18 and #11, 16, 22, 23.
 * - Stance changes: Eve -100, Kim -60 twice (SUPPORTER→NEUTRAL→CHAMPION), Sam -70, Quin -30,
 *   Gail -20 [batch 2], Mia -10. On 0 all but Eve's = 6 (5 as of asOf); on -40 Eve, Kim twice, Sam = 4.
 */

const HEALTH = `query($pmoId: ID!, $on: LocalDate, $asOf: DateTime) {
  networkHealth(pmoId: $pmoId, on: $on, asOf: $asOf) {
    on contacts potentialLines newContactsLast90Days stale champions critics crossGroupTouchpoints valueGiven valueReceived stanceChanges
    neglected { id }
    groups { group { id } overdue daysSinceLastTouchpoint touchpoints leaningOnOneVehicle dominantVehicleShare vehicles { vehicle touchpoints share } }
  }
}`;
const GROUPS_Q = `query($pmoId: ID!, $asOf: DateTime) { networkGroups(pmoId: $pmoId, asOf: $asOf) { id lastTouchpointOn nextDueOn } }`;
const CONTACTS_Q = `query($pmoId: ID!, $stance: Stance, $asOf: DateTime) { contacts(pmoId: $pmoId, stance: $stance, asOf: $asOf) { id } }`;
const TOUCHPOINTS_Q = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $groupId: ID) {
  touchpoints(pmoId: $pmoId, from: $from, to: $to, groupId: $groupId) { id heldOn vehicle }
}`;
const MAP = `query($pmoId: ID!, $asOf: DateTime) { networkMap(pmoId: $pmoId, asOf: $asOf) { edges { from to touchpoints } } }`;

/** A group's figures: [overdue, daysSinceLastTouchpoint, touchpoints, leaningOnOneVehicle, vehicle mix most used first]. */
type GroupRow = [boolean, number | null, number, boolean, [string, number][]];
interface Figures {
  contacts: number;
  potentialLines: number;
  newContactsLast90Days: number;
  stale: boolean;
  champions: number;
  critics: number;
  neglected: string[];
  crossGroupTouchpoints: number;
  valueGiven: number;
  valueReceived: number;
  stanceChanges: number;
  groups: Record<GroupKey, GroupRow>;
}

const DAY_0: Figures = {
  contacts: 19, potentialLines: 190, newContactsLast90Days: 4, stale: false, champions: 6, critics: 3,
  neglected: ['Eve', 'Finn', 'Lou', 'Pia', 'Sam'], crossGroupTouchpoints: 5, valueGiven: 6, valueReceived: 7, stanceChanges: 6,
  groups: {
    Delivery: [false, 3, 18, false, [['ONE_TO_ONE', 8], ['COMMUNITY_OF_PRACTICE', 5], ['TRAINING', 3], ['SHADOWING', 1], ['WORKSHOP', 1]]],
    Senior: [false, 20, 10, false, [['ONE_TO_ONE', 4], ['STEERING_MEETING', 3], ['REPORT', 2], ['COMMUNITY_OF_PRACTICE', 1]]],
    Wider: [false, 4, 11, true, [['NEWSLETTER', 7], ['WORKSHOP', 2], ['ONE_TO_ONE', 1], ['EVENT', 1]]],
    External: [true, 62, 3, false, [['SOCIAL_MEDIA', 1], ['BLOG_POST', 1], ['EVENT', 1]]],
  },
};
const DAY_MINUS_40: Figures = {
  contacts: 16, potentialLines: 136, newContactsLast90Days: 0, stale: true, champions: 5, critics: 3,
  neglected: ['Pia'], crossGroupTouchpoints: 3, valueGiven: 3, valueReceived: 4, stanceChanges: 4,
  groups: {
    Delivery: [true, 15, 10, false, [['ONE_TO_ONE', 4], ['COMMUNITY_OF_PRACTICE', 3], ['TRAINING', 2], ['SHADOWING', 1]]],
    Senior: [false, 8, 7, false, [['ONE_TO_ONE', 3], ['STEERING_MEETING', 2], ['COMMUNITY_OF_PRACTICE', 1], ['REPORT', 1]]],
    Wider: [false, 4, 5, false, [['NEWSLETTER', 3], ['WORKSHOP', 1], ['EVENT', 1]]],
    External: [false, 22, 5, false, [['BLOG_POST', 2], ['EVENT', 2], ['SOCIAL_MEDIA', 1]]],
  },
};
const DAY_0_AS_OF: Figures = {
  ...DAY_0,
  contacts: 18, potentialLines: 171, newContactsLast90Days: 3, critics: 2,
  neglected: ['Eve', 'Finn', 'Hugo', 'Lou', 'Pia', 'Sam'], valueReceived: 6, stanceChanges: 5,
  groups: {
    ...DAY_0.groups,
    Senior: [true, 33, 9, false, [['ONE_TO_ONE', 4], ['STEERING_MEETING', 2], ['REPORT', 2], ['COMMUNITY_OF_PRACTICE', 1]]],
    External: [true, 65, 2, false, [['BLOG_POST', 1], ['EVENT', 1]]],
  },
};

describe("a PMO's network over three months: health by hand on two days and as known earlier", () => {
  let t: TestApp;
  let n: Network;
  // An answer as known at an instant carries that snapshot's ids (<id>@<instant>), a live one the entities' own.
  const idIn = (entityId: string, asOf?: string) => (asOf ? idAsOf(entityId, asOf) : entityId);
  const nameOf = (id: string, asOf?: string) => Object.entries(n.contact).find(([, cid]) => idIn(cid, asOf) === id)?.[0] ?? id;
  const groupOf = (id: string, asOf?: string) => (Object.entries(n.group).find(([, gid]) => idIn(gid, asOf) === id)?.[0] ?? id) as GroupKey;
  const names = (rows: { id: string }[], asOf?: string) => rows.map((row) => nameOf(row.id, asOf)).sort();

  const health = async (on: number, asOf?: string) => (await n.leadership.ok(HEALTH, { pmoId: n.pmoId, on: daysFromToday(on), ...(asOf ? { asOf } : {}) })).networkHealth;

  /** Checks every figure of `expected`, each group's shares against its own counts. */
  const expectFigures = (got: any, expected: Figures, asOf?: string) => {
    const { groups, neglected, ...totals } = expected;
    expect(got).toMatchObject(totals);
    expect(names(got.neglected, asOf)).toEqual(neglected);
    const byGroup = Object.fromEntries(got.groups.map((g: any) => [groupOf(g.group.id, asOf), g]));
    expect(Object.keys(byGroup).sort()).toEqual(Object.keys(groups).sort());
    for (const [key, [overdue, since, touchpoints, leaning, mix]] of Object.entries(groups)) {
      const g = byGroup[key];
      const row = { key, overdue: g.overdue, since: g.daysSinceLastTouchpoint, touchpoints: g.touchpoints, leaning: g.leaningOnOneVehicle };
      expect(row).toEqual({ key, overdue, since, touchpoints, leaning });
      expect({ key, mix: g.vehicles.map((v: any) => [v.vehicle, v.touchpoints]) }).toEqual({ key, mix });
      mix.forEach(([, count], i) => expect(g.vehicles[i].share).toBeCloseTo(count / touchpoints, 6));
      expect(g.dominantVehicleShare).toBeCloseTo(mix[0]![1] / touchpoints, 6);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    n = await recordNetwork(t);
  });
  afterAll(() => t.close());

  it('today: 19 contacts, 4 new, Wider leans on newsletters, External is overdue, five champions and critics neglected', async () => {
    const got = await health(0);
    expect(got.on).toBe(daysFromToday(0));
    expectFigures(got, DAY_0);
  });

  it('day -40: stale, Delivery a day overdue, Wider at exactly 0.6 (not leaning), only Pia neglected', async () => {
    expectFigures(await health(-40), DAY_MINUS_40);
  });

  it('today as known before batch 2: no Tess, Gail not yet a critic, Senior overdue and Hugo neglected', async () => {
    expectFigures(await health(0, n.asOf), DAY_0_AS_OF, n.asOf);
  });

  it("lists each group's last touchpoint and next due day, now and as known before batch 2", async () => {
    const rows = async (asOf?: string) =>
      Object.fromEntries(
        (await n.leadership.ok(GROUPS_Q, { pmoId: n.pmoId, ...(asOf ? { asOf } : {}) })).networkGroups.map((g: any) => [groupOf(g.id, asOf), [g.lastTouchpointOn, g.nextDueOn]]),
      );
    const d = daysFromToday;

    expect(await rows()).toEqual({ Delivery: [d(-3), d(11)], Senior: [d(-20), d(10)], Wider: [d(-4), d(41)], External: [d(-62), d(-2)] });
    expect(await rows(n.asOf)).toEqual({ Delivery: [d(-3), d(11)], Senior: [d(-33), d(-3)], Wider: [d(-4), d(41)], External: [d(-65), d(-5)] });
  });

  it('finds champions (Kim by the later of two assessments on one day) and critics, now and as known before', async () => {
    const byStance = async (stance: string, asOf?: string) => names((await n.leadership.ok(CONTACTS_Q, { pmoId: n.pmoId, stance, ...(asOf ? { asOf } : {}) })).contacts, asOf);

    expect(await byStance('CHAMPION')).toEqual(['Ada', 'Eve', 'Finn', 'Hugo', 'Kim', 'Pia']);
    expect(await byStance('CRITIC')).toEqual(['Gail', 'Lou', 'Sam']);
    expect(await byStance('CRITIC', n.asOf)).toEqual(['Lou', 'Sam']);
  });

  it("lists touchpoints by day and group: External's in the last 90 days, and everyone's of the last five days", async () => {
    const list = async (from: number, to: number, groupId?: string) =>
      (await n.leadership.ok(TOUCHPOINTS_Q, { pmoId: n.pmoId, from: daysFromToday(from), to: daysFromToday(to), ...(groupId ? { groupId } : {}) })).touchpoints
        .map((tp: any) => [tp.heldOn, tp.vehicle])
        .sort();

    // #12, #16 and #40 both name External and have members of it: either reading of groupId agrees.
    expect(await list(-89, 0, n.group.External)).toEqual([[daysFromToday(-72), 'BLOG_POST'], [daysFromToday(-65), 'EVENT'], [daysFromToday(-62), 'SOCIAL_MEDIA']]);
    expect(await list(-5, 0)).toEqual([[daysFromToday(-4), 'NEWSLETTER'], [daysFromToday(-3), 'ONE_TO_ONE'], [daysFromToday(-2), 'ONE_TO_ONE']]);
  });

  it('draws the map: people joined by the touchpoints they shared', async () => {
    const weights = async (asOf?: string) => {
      const edges = (await n.leadership.ok(MAP, { pmoId: n.pmoId, ...(asOf ? { asOf } : {}) })).networkMap.edges as { from: string; to: string; touchpoints: number }[];
      return (a: string, b: string) =>
        edges.filter((e) => [e.from, e.to].sort().join() === [n.contact[a], n.contact[b]].sort().join()).map((e) => e.touchpoints)[0] ?? 0;
    };
    const now = await weights();
    const before = await weights(n.asOf);

    // Jon and Kim: the seven newsletters. Ada and Ben: #5, 15, 20, 29, 33. Gail and Hugo: #6, 19, 28, then #41.
    expect([now('Jon', 'Kim'), now('Jon', 'Ned'), now('Ada', 'Ben'), now('Finn', 'Hugo'), now('Ola', 'Quin'), now('Hugo', 'Kim')]).toEqual([7, 4, 5, 4, 2, 1]);
    expect([now('Gail', 'Hugo'), before('Gail', 'Hugo')]).toEqual([4, 3]);
    expect(now('Pia', 'Ola')).toBe(0);
  });

  it("logged the time of touchpoint #29 as the recording member's work on its day", () => {
    expect(n.touchpoint[WORK_TOUCHPOINT]!.workEntry).toMatchObject({ hours: WORK_HOURS, person: MEMBER, workedOn: daysFromToday(-30) });
    expect(n.touchpoint[1]!.workEntry).toBeNull();
  });

  it("keeps Gail's assessment with its reason and who recorded it, in the contact and in the audit trail", async () => {
    const contact = (await n.leadership.ok(`query($id: ID!) { contact(id: $id) { stance assessments { stance assessedOn reason recordedBy } } }`, { id: n.contact.Gail })).contact;
    const history = (await n.leadership.ok(HISTORY, { type: 'CONTACT', id: n.contact.Gail, first: 20 })).history.edges.map((e: any) => e.node);
    const assessed = history.filter((e: any) => e.type === 'ContactAssessed');
    const audit = (await n.leadership.ok(AUDIT_LOG, { filter: { pmoId: n.pmoId, types: ['ContactAssessed'] }, first: 50 })).auditLog.edges.map((e: any) => e.node);

    expect(contact.stance).toBe('CRITIC');
    expect(contact.assessments.at(-1)).toEqual({ stance: 'CRITIC', assessedOn: daysFromToday(-20), reason: 'Blames the PMO for the late gate review', recordedBy: MEMBER });
    expect(assessed.at(-1)).toMatchObject({ actor: MEMBER, data: { stance: 'CRITIC', assessedOn: daysFromToday(-20), reason: 'Blames the PMO for the late gate review' } });
    expect(audit).toHaveLength(19);
    expect(audit.at(-1)).toMatchObject({ actor: MEMBER, streamId: history[0].streamId, data: { stance: 'CRITIC' } });
  });

  it('refuses a touchpoint from leadership, and the personal data export to a member', async () => {
    const input = { pmoId: n.pmoId, heldOn: daysFromToday(0), vehicle: 'ONE_TO_ONE', contactIds: [n.contact.Ada], summary: 'Not theirs to record' };
    const byLeadership = await n.leadership.fails(RECORD_TOUCHPOINT, { input });
    const byMember = await n.member.fails(`query($id: ID!) { personalData(contactId: $id) }`, { id: n.contact.Ada });
    const still = await n.leadership.ok(TOUCHPOINTS_Q, { pmoId: n.pmoId, from: daysFromToday(0), to: daysFromToday(0) });

    expect(byLeadership.extensions?.code).toBe('FORBIDDEN');
    expect(byMember.extensions?.code).toBe('FORBIDDEN');
    expect(still.touchpoints).toEqual([]);
  });
});
