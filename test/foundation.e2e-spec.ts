import { daysFromToday, today } from './support/days';
import {
  CLOSE_OBJECTIVE,
  DEFINE_OBJECTIVE,
  ESTABLISH_PMO,
  GET_OBJECTIVE,
  GET_PMO,
  HISTORY,
  ISSUE_MANDATE,
  PORTFOLIO,
  RECORD_PROGRESS,
  REVISE_OBJECTIVE,
} from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

describe('a PMO head records purpose and objectives over GraphQL', () => {
  let t: TestApp;
  let portfolioId: string;
  let programmeId: string;
  let objectiveId: string;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a request without a valid token', async () => {
    const anonymous = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ pmos { id } }' }),
    });
    const body = (await anonymous.json()) as { errors: { extensions: { code: string } }[] };

    expect(anonymous.status).toBe(401);
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('protects the GraphQL path with a query string too, and no neighbour of it', async () => {
    const byGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ pmos { id } }')}`);
    const neighbour = await fetch(`${t.url}/graphqlx`);

    expect(byGet.status).toBe(401);
    expect(neighbour.status).toBe(404);
  });

  it('establishes a portfolio PMO and a programme PMO under it', async () => {
    const portfolio = await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Group portfolio office', kind: 'PORTFOLIO', head: 'Grace' } });
    portfolioId = portfolio.establishPmo.id;
    const programme = await t.admin.ok(ESTABLISH_PMO, {
      input: { name: 'Digital programme office', kind: 'PROGRAMME', parentId: portfolioId },
    });
    programmeId = programme.establishPmo.id;

    expect(programme.establishPmo).toMatchObject({ kind: 'PROGRAMME', parent: { id: portfolioId }, revision: 0, mandate: null });
    const read = await t.admin.ok(GET_PMO, { id: portfolioId });
    expect(read.pmo).toMatchObject({ name: 'Group portfolio office', head: 'Grace', children: [{ id: programmeId }] });
  });

  it('refuses a portfolio PMO under a programme PMO, and an unknown parent', async () => {
    const misplaced = await t.admin.fails(ESTABLISH_PMO, { input: { name: 'Upside down', kind: 'PORTFOLIO', parentId: programmeId } });
    const orphan = await t.admin.fails(ESTABLISH_PMO, {
      input: { name: 'Orphan', kind: 'PROJECT', parentId: '00000000-0000-4000-8000-000000000000' },
    });

    expect(misplaced.extensions).toMatchObject({ code: 'PMO_HIERARCHY_INVALID', field: 'parentId' });
    expect(orphan.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentId' });
    const all = await t.admin.ok('{ pmos { id } }');
    expect(all.pmos).toHaveLength(2);
  });

  it('issues a mandate and revises it as the next version, which needs a reason', async () => {
    const mandate = { pmoId: programmeId, purpose: 'GOVERNANCE', statement: 'Assure delivery of the digital programme', sponsor: 'CFO', effectiveFrom: '2026-01-01' };
    await t.admin.ok(ISSUE_MANDATE, { input: mandate });
    const withoutReason = await t.admin.fails(ISSUE_MANDATE, { input: { ...mandate, purpose: 'DELIVERY_SUPPORT' } });
    const revised = await t.admin.ok(ISSUE_MANDATE, {
      input: { ...mandate, purpose: 'DELIVERY_SUPPORT', reason: 'Steering committee moved assurance to internal audit' },
    });

    expect(withoutReason.extensions).toMatchObject({ code: 'MANDATE_REASON_REQUIRED', field: 'reason' });
    expect(revised.issueMandate.mandate).toMatchObject({ purpose: 'DELIVERY_SUPPORT', version: 2 });
  });

  it('refuses an unmeasurable objective and an impossible date, changing nothing', async () => {
    const base = { pmoId: programmeId, title: 'Improve value', metric: { name: 'Value', unit: 'points', baseline: 10, target: 10 }, dueOn: daysFromToday(30), owner: 'Grace' };
    const unmeasurable = await t.admin.fails(DEFINE_OBJECTIVE, { input: base });
    const impossible = await t.admin.fails(DEFINE_OBJECTIVE, { input: { ...base, metric: { ...base.metric, target: 20 }, dueOn: '2026-02-30' } });
    const empty = await t.admin.fails(DEFINE_OBJECTIVE, { input: { ...base, title: '   ', metric: { ...base.metric, target: 20 } } });

    expect(unmeasurable.extensions).toMatchObject({ code: 'OBJECTIVE_NOT_MEASURABLE', field: 'metric.target' });
    expect(impossible.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueOn' });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const pmo = await t.admin.ok(GET_PMO, { id: programmeId });
    expect(pmo.pmo.objectives).toEqual([]);
  });

  it('tracks an objective defined half-way through its time span from ON_TRACK to OFF_TRACK', async () => {
    const defined = await t.admin.ok(DEFINE_OBJECTIVE, {
      input: {
        pmoId: programmeId,
        title: 'Projects delivered on time',
        metric: { name: 'On-time delivery', unit: '%', baseline: 0, target: 100 },
        startsOn: daysFromToday(-50),
        dueOn: daysFromToday(50),
        owner: 'Grace',
      },
    });
    objectiveId = defined.defineObjective.id;
    expect(defined.defineObjective).toMatchObject({ health: 'NO_DATA', expectedProgress: 0.5, progress: 0, currentValue: null });

    const onTrack = await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 45, measuredOn: today() } });
    expect(onTrack.recordProgress).toMatchObject({ health: 'ON_TRACK', currentValue: 45, progress: 0.45 });

    // Behind by 0.3 of the span: beyond the 0.25 at-risk band.
    const offTrack = await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 20, measuredOn: today() } });
    expect(offTrack.recordProgress).toMatchObject({ health: 'OFF_TRACK', currentValue: 20 });

    // A backdated value never displaces a later one as the current value.
    const backdated = await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 99, measuredOn: daysFromToday(-10) } });
    expect(backdated.recordProgress).toMatchObject({ currentValue: 20, health: 'OFF_TRACK' });
    expect(backdated.recordProgress.measurements).toHaveLength(3);
    expect(backdated.recordProgress.measurements[0]).toMatchObject({ recordedBy: 'admin@test' });
  });

  it('answers a stale expectedRevision with CONFLICT and the current revision', async () => {
    const current = await t.admin.ok(GET_OBJECTIVE, { id: objectiveId });
    const revision: number = current.objective.revision;
    await t.admin.ok(REVISE_OBJECTIVE, { input: { objectiveId, target: 90, reason: 'Board lowered the bar', expectedRevision: revision } });

    const stale = await t.admin.fails(REVISE_OBJECTIVE, { input: { objectiveId, title: 'Renamed', reason: 'x', expectedRevision: revision } });

    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentRevision: revision + 1 });
    const after = await t.admin.ok(GET_OBJECTIVE, { id: objectiveId });
    expect(after.objective).toMatchObject({ title: 'Projects delivered on time', revision: revision + 1 });
    expect(after.objective.targetRevisions).toEqual([{ previousTarget: 100, target: 90, reason: 'Board lowered the bar', revisedBy: 'admin@test' }]);
  });

  it('returns the first result for a repeated commandId and refuses it with another payload', async () => {
    const input = { objectiveId, value: 30, measuredOn: today(), commandId: 'progress-2026-11-weekly' };
    const first = await t.admin.ok(RECORD_PROGRESS, { input });
    const again = await t.admin.ok(RECORD_PROGRESS, { input });
    const reused = await t.admin.fails(RECORD_PROGRESS, { input: { ...input, value: 31 } });

    expect(again.recordProgress.revision).toBe(first.recordProgress.revision);
    expect(again.recordProgress.measurements).toHaveLength(first.recordProgress.measurements.length);
    expect(reused.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('establishes only one PMO for a repeated commandId', async () => {
    const input = { name: 'Project office Alpha', kind: 'PROJECT', parentId: programmeId, commandId: 'establish-alpha' };
    const first = await t.admin.ok(ESTABLISH_PMO, { input });
    const again = await t.admin.ok(ESTABLISH_PMO, { input });

    expect(again.establishPmo.id).toBe(first.establishPmo.id);
    const programme = await t.admin.ok(GET_PMO, { id: programmeId });
    expect(programme.pmo.children).toEqual([{ id: first.establishPmo.id }]);
  });

  it('closes an objective, after which it takes no change', async () => {
    const closed = await t.admin.ok(CLOSE_OBJECTIVE, { input: { objectiveId, outcome: 'MISSED', reason: 'Programme re-scoped' } });
    const later = await t.admin.fails(RECORD_PROGRESS, { input: { objectiveId, value: 50, measuredOn: today() } });

    expect(closed.closeObjective).toMatchObject({ status: 'MISSED', health: 'CLOSED' });
    expect(later.extensions).toMatchObject({ code: 'OBJECTIVE_CLOSED' });
  });

  it('reads the portfolio of a subtree and of every PMO', async () => {
    const other = await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Elsewhere', kind: 'PROJECT' } });
    await t.admin.ok(DEFINE_OBJECTIVE, {
      input: { pmoId: other.establishPmo.id, title: 'Fewer escalations', metric: { name: 'Escalations', unit: 'per month', baseline: 12, target: 4 }, dueOn: daysFromToday(90), owner: 'Ada' },
    });

    const subtree = await t.admin.ok(PORTFOLIO, { root: portfolioId });
    const everything = await t.admin.ok(PORTFOLIO, {});

    expect(subtree.portfolio.map((o: { id: string }) => o.id)).toEqual([objectiveId]);
    expect(subtree.portfolio[0].pmo.id).toBe(programmeId);
    expect(everything.portfolio).toHaveLength(2);
  });

  it('pages through the full change history of an objective', async () => {
    const firstPage = await t.admin.ok(HISTORY, { type: 'OBJECTIVE', id: objectiveId, first: 3 });
    const rest = await t.admin.ok(HISTORY, { type: 'OBJECTIVE', id: objectiveId, first: 50, after: firstPage.history.pageInfo.endCursor });
    const events = [...firstPage.history.edges, ...rest.history.edges].map((e: { node: { type: string; revision: number; actor: string; reason: string | null } }) => e.node);

    expect(firstPage.history.pageInfo.hasNextPage).toBe(true);
    expect(rest.history.pageInfo.hasNextPage).toBe(false);
    expect(events.map((e) => e.type)).toEqual([
      'ObjectiveDefined',
      'ProgressRecorded',
      'ProgressRecorded',
      'ProgressRecorded',
      'ObjectiveTargetRevised',
      'ProgressRecorded',
      'ObjectiveClosed',
    ]);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events[4]).toMatchObject({ actor: 'admin@test', reason: 'Board lowered the bar' });
  });

  it('takes the actor from the token, whatever the client sends', async () => {
    const ada = await t.client('ada@pmo.example', ['ADMIN']);
    await ada.ok(ESTABLISH_PMO, { input: { name: 'Ada office', kind: 'PROJECT' } });
    const log = await t.admin.ok(`{ pmos { id name } }`);
    const adaPmo = log.pmos.find((p: { name: string }) => p.name === 'Ada office');
    const history = await t.admin.ok(HISTORY, { type: 'PMO', id: adaPmo.id });

    expect(history.history.edges[0].node.actor).toBe('ada@pmo.example');
  });
});
