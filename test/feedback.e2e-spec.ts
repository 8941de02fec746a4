import { addDays, dayOf, daysBetween } from '@throughline/domain';
import { EventStoreDbTestDouble } from '../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import type { GraphQLClient } from './support/graphql-client';
import { AUDIT_LOG, ESTABLISH_PMO, HISTORY } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';
import { idAsOf } from './support/snapshot-ids';

jest.setTimeout(90_000);

const FEEDBACK_FIELDS = `id subject body status outcome resolution standardVersion deviationId raisedBy raisedAt resolvedBy resolvedAt
  ageDays revision from { id name } to { id name } standard { id }`;
const RAISE = `mutation($input: RaiseFeedbackInput!) { raiseFeedback(input: $input) { ${FEEDBACK_FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveFeedbackInput!) { resolveFeedback(input: $input) { ${FEEDBACK_FIELDS} } }`;
const GET = `query($id: ID!, $asOf: DateTime) { feedback(id: $id, asOf: $asOf) { ${FEEDBACK_FIELDS} } }`;
const LIST = `query($to: ID, $from: ID, $status: FeedbackStatus) {
  feedbackItems(toPmoId: $to, fromPmoId: $from, status: $status) { id status ageDays from { id } to { id } }
}`;
const VERIFY = `query($pmoId: ID) { verifyIntegrity(pmoId: $pmoId) { ok streams { streamId revision } } }`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The whole life of feedback over HTTP, on each store the service runs on: a project PMO's head
 * raises feedback up the hierarchy, the heads of other PMOs and roles without the permission are
 * refused, and the receiving PMO's head or leadership resolves it once.
 */
const scenario = (store: string, start: () => Promise<TestApp>, options: { verifiable: boolean }) =>
  describe(`feedback upward (${store})`, () => {
    let t: TestApp;
    let portfolio: string;
    let programme: string;
    let project: string;
    let sibling: string;
    let headOfProject: GraphQLClient;
    let headOfProgramme: GraphQLClient;
    let headOfPortfolio: GraphQLClient;
    let leadership: GraphQLClient;
    let member: GraphQLClient;
    let auditor: GraphQLClient;
    let regulator: string;
    let tooling: string;
    let regulatorRaisedAt: string;
    let beforeResolution: string;

    const establish = async (name: string, kind: string, parentId?: string) =>
      (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind, ...(parentId ? { parentId } : {}) } })).establishPmo.id as string;
    const raiseInput = (extra: Record<string, unknown> = {}) => ({
      fromPmoId: project,
      toPmoId: portfolio,
      subject: 'Life-cycle method and our regulator',
      body: 'The chosen life-cycle method does not meet our regulator’s rules on change approval.',
      ...extra,
    });
    const items = async (variables: Record<string, unknown>, client = t.admin) =>
      (await client.ok(LIST, variables)).feedbackItems as { id: string; status: string; ageDays: number | null }[];

    beforeAll(async () => {
      t = await start();
      portfolio = await establish('Group PMO', 'PORTFOLIO');
      programme = await establish('Regulated division', 'PROGRAMME', portfolio);
      project = await establish('Core banking project', 'PROJECT', programme);
      sibling = await establish('Branch network project', 'PROJECT', programme);
      headOfProject = await t.client('jo@bank.example', ['PMO_HEAD'], [project]);
      headOfProgramme = await t.client('gil@bank.example', ['PMO_HEAD'], [programme]);
      headOfPortfolio = await t.client('pat@bank.example', ['PMO_HEAD'], [portfolio]);
      leadership = await t.client('lee@bank.example', ['LEADERSHIP']);
      member = await t.client('mo@bank.example', ['MEMBER'], [project]);
      auditor = await t.client('aud@bank.example', ['AUDITOR']);
    });
    afterAll(() => t.close());

    it('lets the head of a project PMO raise feedback to the top of its hierarchy, open and waiting since today', async () => {
      const raised = (await headOfProject.ok(RAISE, { input: raiseInput() })).raiseFeedback;
      regulator = raised.id;
      regulatorRaisedAt = raised.raisedAt;

      expect(raised).toMatchObject({
        status: 'OPEN',
        outcome: null,
        resolution: null,
        raisedBy: 'jo@bank.example',
        resolvedAt: null,
        ageDays: 0,
        revision: 0,
        from: { id: project, name: 'Core banking project' },
        to: { id: portfolio, name: 'Group PMO' },
        standard: null,
      });
    });

    it('refuses feedback sideways, from a PMO the head does not lead, by roles that may not raise it, and bad input, recording nothing', async () => {
      const sideways = await headOfProject.fails(RAISE, { input: raiseInput({ toPmoId: sibling }) });
      const toItself = await headOfProject.fails(RAISE, { input: raiseInput({ toPmoId: project }) });
      const notTheirs = await headOfProject.fails(RAISE, { input: raiseInput({ fromPmoId: programme }) });
      const byMember = await member.fails(RAISE, { input: raiseInput() });
      const byLeadership = await leadership.fails(RAISE, { input: raiseInput() });
      const byAuditor = await auditor.fails(RAISE, { input: raiseInput() });
      const blank = await headOfProject.fails(RAISE, { input: raiseInput({ subject: '  ' }) });
      const unknownPmo = await headOfProject.fails(RAISE, { input: raiseInput({ toPmoId: UNKNOWN_ID }) });
      // No standard is served in this service, so none can be named.
      const unknownStandard = await headOfProject.fails(RAISE, { input: raiseInput({ standardId: UNKNOWN_ID }) });
      const notAnId = await headOfProject.fails(RAISE, { input: raiseInput({ standardId: 'method-v2' }) });

      expect(sideways.extensions).toMatchObject({ code: 'FEEDBACK_NOT_UPWARD', field: 'toPmoId' });
      expect(toItself.extensions).toMatchObject({ code: 'FEEDBACK_NOT_UPWARD', field: 'toPmoId' });
      for (const refused of [notTheirs, byMember, byLeadership, byAuditor]) expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'feedback.raise' });
      expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subject' });
      expect(unknownPmo.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'toPmoId' });
      expect(unknownStandard.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'standardId' });
      expect(notAnId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standardId' });
      expect(await items({})).toEqual([expect.objectContaining({ id: regulator })]);
    });

    it('raises feedback to the parent PMO too, once for a repeated command id', async () => {
      const input = raiseInput({ toPmoId: programme, subject: 'Tooling licences', body: 'Two tools overlap.', commandId: `tooling-${store}` });
      const first = (await headOfProject.ok(RAISE, { input })).raiseFeedback;
      const again = (await headOfProject.ok(RAISE, { input })).raiseFeedback;
      tooling = first.id;

      expect(again).toEqual(first);
      expect(first).toMatchObject({ to: { id: programme }, from: { id: project }, status: 'OPEN' });
    });

    it('lists open feedback by the PMO it goes to or comes from, oldest first, to every role that reads', async () => {
      const toPortfolio = await items({ to: portfolio, status: 'OPEN' }, member);
      const fromProject = await items({ from: project }, auditor);
      const fromSibling = await items({ from: sibling }, headOfProgramme);
      const badFilter = await t.admin.fails(LIST, { to: 'group' });

      expect(toPortfolio).toEqual([{ id: regulator, status: 'OPEN', ageDays: 0, from: { id: project }, to: { id: portfolio } }]);
      expect(fromProject.map((f) => f.id)).toEqual([regulator, tooling]);
      expect(fromSibling).toEqual([]);
      expect(badFilter.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toPmoId' });
    });

    it('counts the age of open feedback in whole days to the day asked about', async () => {
      const later = `${addDays(dayOf(regulatorRaisedAt), 3)}T12:00:00.000Z`;
      const asked = (await auditor.ok(GET, { id: regulator, asOf: later })).feedback;
      const beforeRaised = (await auditor.ok(GET, { id: regulator, asOf: '2020-01-01T00:00:00.000Z' })).feedback;

      expect(asked).toMatchObject({ status: 'OPEN', ageDays: daysBetween(dayOf(regulatorRaisedAt), dayOf(later)) });
      expect(asked.ageDays).toBe(3);
      expect(beforeRaised).toBeNull();
    });

    it('refuses resolution by anyone but the receiving PMO’s head, leadership or an admin', async () => {
      const answer = { input: { feedbackId: regulator, outcome: 'ANSWERED', resolution: 'See section 4.' } };
      const byRaiser = await headOfProject.fails(RESOLVE, answer);
      const byMiddle = await headOfProgramme.fails(RESOLVE, answer);
      const byMember = await member.fails(RESOLVE, answer);
      const byAuditor = await auditor.fails(RESOLVE, answer);
      const unknown = await headOfPortfolio.fails(RESOLVE, { input: { ...answer.input, feedbackId: UNKNOWN_ID } });

      for (const refused of [byRaiser, byMiddle, byMember, byAuditor]) expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'feedback.resolve' });
      expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'feedbackId' });
    });

    it('refuses an outcome without the reference it requires, or with one it refuses, changing nothing', async () => {
      const resolve = (extra: Record<string, unknown>) =>
        headOfPortfolio.fails(RESOLVE, { input: { feedbackId: regulator, resolution: 'Settled.', ...extra } });
      const revisedWithoutVersion = await resolve({ outcome: 'STANDARD_REVISED' });
      const revisedWithoutStandard = await resolve({ outcome: 'STANDARD_REVISED', standardVersion: 2 });
      const grantedWithoutDeviation = await resolve({ outcome: 'DEVIATION_GRANTED' });
      const answeredWithDeviation = await resolve({ outcome: 'ANSWERED', deviationId: UNKNOWN_ID });
      const declinedWithVersion = await resolve({ outcome: 'DECLINED', standardVersion: 2 });
      const grantedWithBadId = await resolve({ outcome: 'DEVIATION_GRANTED', deviationId: 'waiver-7' });
      const blank = await resolve({ outcome: 'ANSWERED', resolution: ' ' });

      expect(revisedWithoutVersion.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standardVersion' });
      expect(revisedWithoutStandard.extensions).toMatchObject({ code: 'FEEDBACK_WITHOUT_STANDARD', field: 'outcome' });
      expect(grantedWithoutDeviation.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deviationId' });
      expect(answeredWithDeviation.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deviationId' });
      expect(declinedWithVersion.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standardVersion' });
      expect(grantedWithBadId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deviationId' });
      expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolution' });
      expect((await t.admin.ok(GET, { id: regulator })).feedback).toMatchObject({ status: 'OPEN', revision: 0 });
    });

    it('lets the receiving PMO’s head resolve it by a deviation granted, once', async () => {
      beforeResolution = new Date().toISOString();
      const deviationId = '5b7e1f20-4c3d-4a8e-9f61-2d0c8b7a6e54';
      const resolved = (
        await headOfPortfolio.ok(RESOLVE, {
          input: { feedbackId: regulator, outcome: 'DEVIATION_GRANTED', deviationId, resolution: 'A deviation covers the regulator’s approval step.', expectedRevision: 0 },
        })
      ).resolveFeedback;
      const twice = await leadership.fails(RESOLVE, { input: { feedbackId: regulator, outcome: 'ANSWERED', resolution: 'Again.' } });

      expect(resolved).toMatchObject({
        status: 'RESOLVED',
        outcome: 'DEVIATION_GRANTED',
        deviationId,
        standardVersion: null,
        resolution: 'A deviation covers the regulator’s approval step.',
        resolvedBy: 'pat@bank.example',
        ageDays: null,
        revision: 1,
      });
      expect(twice.extensions).toMatchObject({ code: 'FEEDBACK_ALREADY_RESOLVED' });
    });

    it('lets leadership resolve feedback to any PMO, guarded by the revision its editor saw', async () => {
      const stale = await leadership.fails(RESOLVE, { input: { feedbackId: tooling, outcome: 'DECLINED', resolution: 'Both stay.', expectedRevision: 3 } });
      const declined = (await leadership.ok(RESOLVE, { input: { feedbackId: tooling, outcome: 'DECLINED', resolution: 'Both stay.', expectedRevision: 0 } })).resolveFeedback;

      expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 0 });
      expect(declined).toMatchObject({ status: 'RESOLVED', outcome: 'DECLINED', resolvedBy: 'lee@bank.example' });
      expect(await items({ status: 'OPEN' })).toEqual([]);
      expect((await items({ status: 'RESOLVED' })).map((f) => f.id)).toEqual([regulator, tooling]);
    });

    it('answers as of an instant before the resolution with the feedback as it stood then', async () => {
      const then = (await auditor.ok(GET, { id: regulator, asOf: beforeResolution })).feedback;

      expect(then).toMatchObject({
        id: idAsOf(regulator, beforeResolution),
        status: 'OPEN',
        outcome: null,
        resolution: null,
        revision: 0,
        to: { id: idAsOf(portfolio, beforeResolution) },
      });
      expect(then.ageDays).toBe(daysBetween(dayOf(regulatorRaisedAt), dayOf(beforeResolution)));
    });

    it('shows who raised and resolved it, when and why, in its history and in the receiving PMO’s audit log', async () => {
      const history = (await auditor.ok(HISTORY, { type: 'FEEDBACK', id: regulator })).history.edges.map((e: { node: unknown }) => e.node);
      const ownLog = (await headOfPortfolio.ok(AUDIT_LOG, { filter: { pmoId: portfolio }, first: 100 })).auditLog.edges.map(
        (e: { node: { streamId: string; type: string } }) => `${e.node.streamId} ${e.node.type}`,
      );
      const othersHistory = await headOfProject.fails(HISTORY, { type: 'FEEDBACK', id: regulator });

      expect(history).toEqual([
        expect.objectContaining({ type: 'FeedbackRaised', actor: 'jo@bank.example', reason: null, revision: 0 }),
        expect.objectContaining({
          type: 'FeedbackResolved',
          actor: 'pat@bank.example',
          reason: 'A deviation covers the regulator’s approval step.',
          data: expect.objectContaining({ outcome: 'DEVIATION_GRANTED', standardVersion: null }),
        }),
      ]);
      expect(ownLog).toEqual(expect.arrayContaining([`feedback-${regulator} FeedbackRaised`, `feedback-${regulator} FeedbackResolved`]));
      expect(ownLog.filter((line: string) => line.startsWith(`feedback-${tooling}`))).toEqual([]);
      expect(othersHistory.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'audit.read' });
    });

    if (options.verifiable) {
      it('covers feedback in the integrity check of the PMO it went to', async () => {
        const report = (await auditor.ok(VERIFY, { pmoId: portfolio })).verifyIntegrity;

        expect(report.ok).toBe(true);
        expect(report.streams).toEqual(expect.arrayContaining([{ streamId: `feedback-${regulator}`, revision: 1 }]));
      });
    }
  });

scenario('SQLite', () => startTestApp(), { verifiable: true });

let double: EventStoreDbTestDouble | undefined;
afterAll(async () => {
  await double?.stop();
});
scenario(
  'EventStoreDB',
  async () => {
    double = await EventStoreDbTestDouble.start();
    return startTestApp({ env: { PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: double.connectionString } });
  },
  { verifiable: false },
);
