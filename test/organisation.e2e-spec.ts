import { daysFromToday, today } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { DRAFT_PLAN, ESTABLISH_PMO, HISTORY, PLAN_ACTIVITY } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';
import { idAsOf } from './support/snapshot-ids';

/**
 * A group under one strategic PMO, two programme PMOs and four project PMOs, taken through a
 * standard's two versions, a leeway, a significant deviation asked in advance and one asked late,
 * feedback resolved by a revision, a merger and a template reused. The compliance matrices below
 * were worked out by hand from the dated facts, on three days, before and after the events that
 * changed them.
 *
 * Days, relative to today (0): the group was established on -400, the programmes on -300, the
 * projects on -250. Version 1 is effective from -200, due on -170. ProgA adopts it on -190, ProgB
 * on -180, P1 on -175, P3 on -172, P2 late on -160; P4 never does. Version 2 (recorded today) is
 * effective from -10, due on +20. ProgA and P2 adopt it today; ProgA lets P1 keep version 1 until
 * +40; P4 asks in advance to deviate from +5 to +60, P3 asks late to deviate from -5 to +30; both are
 * approved today. ProgB merges into ProgA today.
 */

const COMPLIANCE = `query($root: ID, $on: LocalDate, $asOf: DateTime) {
  compliance(rootPmoId: $root, on: $on, asOf: $asOf) {
    on adopted nonCompliant
    rows { pmo { id name } standard { id } status version currentVersion dueOn deviation { id inAdvance } }
  }
}`;
const STANDARD_FIELDS = `id kind title status revision appliesTo publisher { id }
  current { version summary effectiveFrom adoptionDueOn reason publishedAt publishedBy }
  versions { version effectiveFrom adoptionDueOn reason }`;
const PUBLISH = `mutation($input: PublishStandardInput!) { publishStandard(input: $input) { ${STANDARD_FIELDS} } }`;
const REVISE = `mutation($input: ReviseStandardInput!) { reviseStandard(input: $input) { ${STANDARD_FIELDS} } }`;
const ROW_FIELDS = 'pmo { id } status version currentVersion dueOn';
const ADOPT = `mutation($input: AdoptStandardInput!) { adoptStandard(input: $input) { ${ROW_FIELDS} } }`;
const KEEP = `mutation($input: KeepStandardVersionInput!) { keepStandardVersion(input: $input) { ${ROW_FIELDS} } }`;
const DEVIATION_FIELDS = `id status inAdvance significance from until requestedBy decidedBy decidedAt decisionReason revision
  pmo { id } standard { id }`;
const REQUEST_DEVIATION = `mutation($input: RequestDeviationInput!) { requestDeviation(input: $input) { ${DEVIATION_FIELDS} } }`;
const APPROVE_DEVIATION = `mutation($input: DecideDeviationInput!) { approveDeviation(input: $input) { ${DEVIATION_FIELDS} } }`;
const FEEDBACK_FIELDS = 'id status outcome resolution subject from { id } to { id } standard { id } raisedBy';
const RAISE_FEEDBACK = `mutation($input: RaiseFeedbackInput!) { raiseFeedback(input: $input) { ${FEEDBACK_FIELDS} } }`;
const RESOLVE_FEEDBACK = `mutation($input: ResolveFeedbackInput!) { resolveFeedback(input: $input) { ${FEEDBACK_FIELDS} } }`;
const MERGE = `mutation($input: MergePmoInput!) { mergePmo(input: $input) { id status successor { id } children { id } } }`;
const PUBLISH_TEMPLATE = `mutation($input: PublishPlanTemplateInput!) {
  publishPlanTemplate(input: $input) { id title uses source { id } activities { title mode startOffsetDays durationDays rationale } }
}`;
const DRAFT_FROM_TEMPLATE = `mutation($input: DraftFromTemplateInput!) {
  draftBusinessPlanFromTemplate(input: $input) {
    id periodStart periodEnd pmo { id } template { id uses }
    activities { title mode startsOn endsOn responsible contributions { objective { id } } }
  }
}`;

type Status = 'ADOPTED' | 'TRANSITION' | 'DEVIATION_APPROVED' | 'DEVIATION_REQUESTED' | 'PENDING' | 'NON_COMPLIANT';
/** The matrix by PMO name: status and the version followed (or kept), null for none. */
type Matrix = Record<string, [Status, number | null]>;

interface Row {
  pmo: { id: string; name: string };
  standard: { id: string };
  status: Status;
  version: number | null;
  currentVersion: number;
  dueOn: string;
  deviation: { id: string; inAdvance: boolean } | null;
}
interface Report {
  on: string;
  adopted: number;
  nonCompliant: number;
  rows: Row[];
}

describe('several PMOs under a strategic one: a standard through two versions, leeway, deviations, feedback, a merger and a template', () => {
  let t: TestApp;
  const pmo: Record<string, string> = {};
  const head: Record<string, GraphQLClient> = {};
  let leadership: GraphQLClient;
  let auditor: GraphQLClient;
  let member: GraphQLClient;
  let standardId: string;
  let beforeRevision: string;
  let inAdvanceId: string;
  let lateId: string;
  let beforeMerger: string;

  const establish = async (name: string, kind: string, parent: string | null, establishedOn: string) => {
    const input = { name, kind, establishedOn, ...(parent ? { parentId: pmo[parent] } : {}) };
    pmo[name] = (await t.admin.ok(ESTABLISH_PMO, { input })).establishPmo.id;
  };
  const compliance = async (on: string, asOf?: string, client: GraphQLClient = leadership): Promise<Report> =>
    (await client.ok<{ compliance: Report }>(COMPLIANCE, { root: pmo.Group, on, ...(asOf ? { asOf } : {}) })).compliance;
  // A report as known at an instant carries that snapshot's ids: the standard's is <id>@<instant> there.
  const matrixOf = (report: Report, asOf?: string): Matrix =>
    Object.fromEntries(
      report.rows.filter((row) => row.standard.id === (asOf ? idAsOf(standardId, asOf) : standardId)).map((row) => [row.pmo.name, [row.status, row.version]]),
    );
  const adopt = (name: string, version: number, adoptedOn: string) =>
    head[name]!.ok(ADOPT, { input: { standardId, pmoId: pmo[name], version, adoptedOn } });

  beforeAll(async () => {
    t = await startTestApp();
    await establish('Group', 'PORTFOLIO', null, daysFromToday(-400));
    await establish('ProgA', 'PROGRAMME', 'Group', daysFromToday(-300));
    await establish('ProgB', 'PROGRAMME', 'Group', daysFromToday(-300));
    for (const [name, parent] of [['P1', 'ProgA'], ['P2', 'ProgA'], ['P3', 'ProgB'], ['P4', 'ProgB']] as const) {
      await establish(name, 'PROJECT', parent, daysFromToday(-250));
    }
    for (const name of Object.keys(pmo)) head[name] = await t.client(`head.${name.toLowerCase()}@group.example`, ['PMO_HEAD'], [pmo[name]!]);
    leadership = await t.client('lee@group.example', ['LEADERSHIP']);
    auditor = await t.client('audrey@group.example', ['AUDITOR']);
    member = await t.client('mo@group.example', ['MEMBER'], [pmo.P1!]);
  });
  afterAll(() => t.close());

  it('the strategic PMO publishes a standard for the programmes and projects under it', async () => {
    const input = {
      publisherPmoId: pmo.Group,
      kind: 'METHODOLOGY',
      title: 'Stage-gate life cycle',
      summary: 'Five gates from idea to benefits review',
      appliesTo: ['PROGRAMME', 'PROJECT'],
      effectiveFrom: daysFromToday(-200),
      adoptionDueOn: daysFromToday(-170),
    };
    const byProgramme = await head.ProgA!.fails(PUBLISH, { input: { ...input, publisherPmoId: pmo.ProgA } });
    const published = (await head.Group!.ok(PUBLISH, { input })).publishStandard;
    standardId = published.id;

    // ProgA's head may act for ProgA, but only a strategic PMO sets standards.
    expect(byProgramme.extensions).toMatchObject({ code: 'PUBLISHER_NOT_PORTFOLIO', field: 'publisherPmoId' });
    expect(published).toMatchObject({
      kind: 'METHODOLOGY',
      status: 'IN_FORCE',
      appliesTo: ['PROGRAMME', 'PROJECT'],
      publisher: { id: pmo.Group },
      current: { version: 1, effectiveFrom: daysFromToday(-200), adoptionDueOn: daysFromToday(-170), reason: null },
    });
  });

  it('each PMO adopts version 1 on its own day, P2 after the due day and P4 never; a member cannot adopt', async () => {
    const refused = await member.fails(ADOPT, { input: { standardId, pmoId: pmo.P1, version: 1, adoptedOn: daysFromToday(-175) } });
    await adopt('ProgA', 1, daysFromToday(-190));
    await adopt('ProgB', 1, daysFromToday(-180));
    await adopt('P1', 1, daysFromToday(-175));
    await adopt('P3', 1, daysFromToday(-172));
    const late = await adopt('P2', 1, daysFromToday(-160));

    expect(refused.extensions?.code).toBe('FORBIDDEN');
    expect(late.adoptStandard).toMatchObject({ pmo: { id: pmo.P2 }, status: 'ADOPTED', version: 1, currentVersion: 1 });
  });

  it('on day -165 the PMOs that adopted by the due day comply, P2 and P4 do not', async () => {
    const report = await compliance(daysFromToday(-165));

    expect(matrixOf(report)).toEqual({
      ProgA: ['ADOPTED', 1],
      ProgB: ['ADOPTED', 1],
      P1: ['ADOPTED', 1],
      P2: ['NON_COMPLIANT', null],
      P3: ['ADOPTED', 1],
      P4: ['NON_COMPLIANT', null],
    });
    expect(report).toMatchObject({ on: daysFromToday(-165), adopted: 4, nonCompliant: 2 });
    expect(report.rows.every((row) => row.currentVersion === 1 && row.dueOn === daysFromToday(-170))).toBe(true);
    // The strategic PMO publishes the standard; it does not owe it.
    expect(report.rows.some((row) => row.pmo.id === pmo.Group)).toBe(false);
  });

  it('lists parents before their children', async () => {
    const order = (await compliance(daysFromToday(-165))).rows.map((row) => row.pmo.name);
    for (const [child, parent] of [['P1', 'ProgA'], ['P2', 'ProgA'], ['P3', 'ProgB'], ['P4', 'ProgB']]) {
      expect(order.indexOf(child)).toBeGreaterThan(order.indexOf(parent!));
    }
  });

  it("P3 tells the strategic PMO the life cycle misses its regulator's rules; it is open until answered", async () => {
    const raised = (
      await head.P3!.ok(RAISE_FEEDBACK, {
        input: { fromPmoId: pmo.P3, toPmoId: pmo.Group, standardId, subject: 'Regulator needs an independent gate', body: 'Our regulator requires an independent review before go-live.' },
      })
    ).raiseFeedback;
    const open = await head.Group!.ok(`query($to: ID) { feedbackItems(toPmoId: $to, status: OPEN) { id subject } }`, { to: pmo.Group });

    expect(raised).toMatchObject({ status: 'OPEN', outcome: null, from: { id: pmo.P3 }, to: { id: pmo.Group }, standard: { id: standardId } });
    expect(open.feedbackItems).toEqual([{ id: raised.id, subject: 'Regulator needs an independent gate' }]);
  });

  it('the strategic PMO revises the standard in answer, and resolves the feedback naming version 2', async () => {
    const revised = (
      await head.Group!.ok(REVISE, {
        input: {
          standardId,
          summary: 'Six gates: an independent review before go-live',
          effectiveFrom: daysFromToday(-10),
          adoptionDueOn: daysFromToday(20),
          reason: 'Regulated divisions need an independent gate',
        },
      })
    ).reviseStandard;
    // One millisecond before version 2 was recorded: what everyone knew until then.
    beforeRevision = new Date(Date.parse(revised.current.publishedAt) - 1).toISOString();
    const [feedback] = (await head.Group!.ok(`query($to: ID) { feedbackItems(toPmoId: $to, status: OPEN) { id } }`, { to: pmo.Group })).feedbackItems;
    const resolved = (
      await head.Group!.ok(RESOLVE_FEEDBACK, {
        input: { feedbackId: feedback.id, outcome: 'STANDARD_REVISED', standardVersion: 2, resolution: 'Version 2 adds the independent gate' },
      })
    ).resolveFeedback;

    expect(revised.current).toMatchObject({ version: 2, effectiveFrom: daysFromToday(-10), adoptionDueOn: daysFromToday(20), reason: 'Regulated divisions need an independent gate' });
    expect(revised.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'STANDARD_REVISED' });
  });

  it('ProgA lets P1, nearly finished, keep version 1 until day +40; no one else may grant that leeway', async () => {
    const input = { standardId, pmoId: pmo.P1, version: 1, until: daysFromToday(40), reason: 'P1 closes in five weeks' };
    const byGroup = await head.Group!.fails(KEEP, { input });
    const byOtherProgramme = await head.ProgB!.fails(KEEP, { input });
    const kept = (await head.ProgA!.ok(KEEP, { input })).keepStandardVersion;

    expect(byGroup.extensions?.code).toBe('FORBIDDEN');
    expect(byOtherProgramme.extensions?.code).toBe('FORBIDDEN');
    expect(kept).toMatchObject({ pmo: { id: pmo.P1 }, status: 'TRANSITION', version: 1, currentVersion: 2 });
  });

  it('ProgA and P2 adopt version 2 today', async () => {
    expect((await adopt('ProgA', 2, today())).adoptStandard).toMatchObject({ status: 'ADOPTED', version: 2 });
    expect((await adopt('P2', 2, today())).adoptStandard).toMatchObject({ status: 'ADOPTED', version: 2 });
  });

  it('P4 asks in advance to deviate; it counts as requested until the strategic PMO approves it', async () => {
    const requested = (
      await head.P4!.ok(REQUEST_DEVIATION, {
        input: {
          standardId,
          pmoId: pmo.P4,
          description: 'Combine gates 3 and 4',
          reason: 'A two-month project',
          significance: 'SIGNIFICANT',
          compensatingMeasures: 'Sponsor signs both gates',
          from: daysFromToday(5),
          until: daysFromToday(60),
        },
      })
    ).requestDeviation;
    inAdvanceId = requested.id;
    const whileRequested = await compliance(daysFromToday(25));
    const selfApproval = await head.P4!.fails(APPROVE_DEVIATION, { input: { deviationId: inAdvanceId, reason: 'We approve ourselves' } });
    const approved = (await head.Group!.ok(APPROVE_DEVIATION, { input: { deviationId: inAdvanceId, reason: 'Small enough to combine' } })).approveDeviation;

    expect(requested).toMatchObject({ status: 'REQUESTED', inAdvance: true, pmo: { id: pmo.P4 }, requestedBy: 'head.p4@group.example' });
    expect(matrixOf(whileRequested).P4).toEqual(['DEVIATION_REQUESTED', null]);
    expect(selfApproval.extensions?.code).toBe('FORBIDDEN');
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'head.group@group.example', decisionReason: 'Small enough to combine' });
  });

  it('P3 asks late, after its deviation began: accepted, marked not in advance, covered only from its approval', async () => {
    const requested = (
      await head.P3!.ok(REQUEST_DEVIATION, {
        input: {
          standardId,
          pmoId: pmo.P3,
          description: "The regulator's own gate replaces gate 5",
          reason: 'Regulated division',
          significance: 'SIGNIFICANT',
          from: daysFromToday(-5),
          until: daysFromToday(30),
        },
      })
    ).requestDeviation;
    lateId = requested.id;
    const twice = await head.P3!.fails(REQUEST_DEVIATION, {
      input: { standardId, pmoId: pmo.P3, description: 'Overlapping', reason: 'Again', significance: 'MINOR', from: daysFromToday(10), until: daysFromToday(12) },
    });
    const approved = (await leadership.ok(APPROVE_DEVIATION, { input: { deviationId: lateId, reason: "The regulator's gate is stricter" } })).approveDeviation;
    const again = await head.Group!.fails(APPROVE_DEVIATION, { input: { deviationId: lateId, reason: 'Again' } });
    // The instant the store recorded the approval: the last thing known before the merger.
    const history = await auditor.ok(HISTORY, { type: 'DEVIATION', id: lateId, first: 10 });
    beforeMerger = history.history.edges.at(-1).node.recordedAt;

    expect(requested).toMatchObject({ status: 'REQUESTED', inAdvance: false });
    expect(twice.extensions).toMatchObject({ code: 'DEVIATION_OVERLAPS', field: 'from' });
    expect(approved.status).toBe('APPROVED');
    expect(again.extensions?.code).toBeDefined();
  });

  it('day -5, as known before version 2 was recorded: version 1 rules, and only P4 falls short', async () => {
    const report = await compliance(daysFromToday(-5), beforeRevision, auditor);

    expect(matrixOf(report, beforeRevision)).toEqual({
      ProgA: ['ADOPTED', 1],
      ProgB: ['ADOPTED', 1],
      P1: ['ADOPTED', 1],
      P2: ['ADOPTED', 1],
      P3: ['ADOPTED', 1],
      P4: ['NON_COMPLIANT', null],
    });
    expect(report.rows.every((row) => row.currentVersion === 1)).toBe(true);
  });

  it('day -5, as known now: version 2 is in force but not yet due; P1 keeps version 1; P3 deviated before asking', async () => {
    const report = await compliance(daysFromToday(-5));
    const p3 = report.rows.find((row) => row.pmo.name === 'P3');

    expect(matrixOf(report)).toEqual({
      ProgA: ['PENDING', 1],
      ProgB: ['PENDING', 1],
      P1: ['TRANSITION', 1],
      P2: ['PENDING', 1],
      P3: ['NON_COMPLIANT', 1],
      P4: ['PENDING', null],
    });
    expect(p3?.deviation).toEqual({ id: lateId, inAdvance: false });
    expect(report.rows.every((row) => row.currentVersion === 2 && row.dueOn === daysFromToday(20))).toBe(true);
  });

  it('ProgB merges into ProgA today; its projects move under ProgA', async () => {
    const merged = (
      await t.admin.ok(MERGE, { input: { pmoId: pmo.ProgB, intoPmoId: pmo.ProgA, effectiveOn: today(), reason: 'One programme office for the division' } })
    ).mergePmo;
    const into = await leadership.ok(`query($id: ID!) { pmo(id: $id) { children { id } } }`, { id: pmo.ProgA });

    expect(merged).toMatchObject({ status: 'MERGED', successor: { id: pmo.ProgA } });
    expect(into.pmo.children.map((c: { id: string }) => c.id).sort()).toEqual([pmo.P1, pmo.P2, pmo.P3, pmo.P4].sort());
  });

  it('day +25, as known now: ProgB is gone, both deviations cover their PMOs, P1 is still in transition', async () => {
    const report = await compliance(daysFromToday(25));

    expect(matrixOf(report)).toEqual({
      ProgA: ['ADOPTED', 2],
      P1: ['TRANSITION', 1],
      P2: ['ADOPTED', 2],
      P3: ['DEVIATION_APPROVED', 1],
      P4: ['DEVIATION_APPROVED', null],
    });
    expect(report).toMatchObject({ adopted: 2, nonCompliant: 0 });
    expect(report.rows.find((row) => row.pmo.name === 'P4')?.deviation).toEqual({ id: inAdvanceId, inAdvance: true });
  });

  it('day +25, as known before the merger: ProgB still stands, past the due day without version 2', async () => {
    const report = await compliance(daysFromToday(25), beforeMerger, auditor);

    expect(matrixOf(report, beforeMerger)).toEqual({
      ProgA: ['ADOPTED', 2],
      ProgB: ['NON_COMPLIANT', 1],
      P1: ['TRANSITION', 1],
      P2: ['ADOPTED', 2],
      P3: ['DEVIATION_APPROVED', 1],
      P4: ['DEVIATION_APPROVED', null],
    });
    expect(report).toMatchObject({ adopted: 2, nonCompliant: 1 });
  });

  it('two PMOs deviating from one standard is a pattern at a threshold of two, not at the default three', async () => {
    const patterns = `query($min: Int) { deviationPatterns(minPmos: $min) { standard { id } deviations pmos reviewSuggested } }`;

    expect((await leadership.ok(patterns, { min: 2 })).deviationPatterns).toEqual([{ standard: { id: standardId }, deviations: 2, pmos: 2, reviewSuggested: true }]);
    expect((await leadership.ok(patterns, {})).deviationPatterns).toEqual([]);
  });

  it("P1 shares its plan as a template; P2 drafts its next plan from it, shifted into its own period and linked to nothing", async () => {
    const plan = (await head.P1!.ok(DRAFT_PLAN, { input: { pmoId: pmo.P1, title: 'P1 plan', periodStart: daysFromToday(-30), periodEnd: daysFromToday(60) } })).draftBusinessPlan;
    const activity = (title: string, start: number, end: number, mode: string) =>
      head.P1!.ok(PLAN_ACTIVITY, {
        input: { planId: plan.id, title, responsible: 'Pat', mode, startsOn: daysFromToday(start), endsOn: daysFromToday(end), description: `${title} keeps the gates honest` },
      });
    await activity('Gate reviews', -30, 0, 'DIRECT');
    await activity('Lessons learned', 10, 20, 'SUPERVISED');
    const template = (await head.P1!.ok(PUBLISH_TEMPLATE, { input: { planId: plan.id, title: 'Gated project plan' } })).publishPlanTemplate;
    const drafted = (
      await head.P2!.ok(DRAFT_FROM_TEMPLATE, {
        input: { templateId: template.id, pmoId: pmo.P2, title: 'P2 next plan', periodStart: daysFromToday(100), periodEnd: daysFromToday(190) },
      })
    ).draftBusinessPlanFromTemplate;

    expect(template).toMatchObject({ uses: 0, source: { id: plan.id } });
    expect(template.activities).toEqual(
      expect.arrayContaining([
        // An activity linked to nothing carries its description as the template's rationale.
        { title: 'Gate reviews', mode: 'DIRECT', startOffsetDays: 0, durationDays: 31, rationale: 'Gate reviews keeps the gates honest' },
        { title: 'Lessons learned', mode: 'SUPERVISED', startOffsetDays: 40, durationDays: 11, rationale: 'Lessons learned keeps the gates honest' },
      ]),
    );
    expect(drafted).toMatchObject({ pmo: { id: pmo.P2 }, periodStart: daysFromToday(100), template: { id: template.id, uses: 1 } });
    const byTitle = Object.fromEntries(drafted.activities.map((a: { title: string }) => [a.title, a]));
    expect(byTitle['Gate reviews']).toMatchObject({ startsOn: daysFromToday(100), endsOn: daysFromToday(130), contributions: [] });
    expect(byTitle['Lessons learned']).toMatchObject({ startsOn: daysFromToday(140), endsOn: daysFromToday(150), contributions: [] });
  });

  it("a TOOL standard's adoption shows beside the tools a PMO declares", async () => {
    const tool = (
      await head.Group!.ok(PUBLISH, {
        input: { publisherPmoId: pmo.Group, kind: 'TOOL', title: 'One planning tool', summary: 'Plans live in Planview', appliesTo: ['PROJECT'], effectiveFrom: daysFromToday(-30), adoptionDueOn: daysFromToday(30) },
      })
    ).publishStandard;
    await head.P1!.ok(`mutation($input: PmoCatalogueInput!) { declarePmoTool(input: $input) { id } }`, { input: { pmoId: pmo.P1, name: 'Planview', on: daysFromToday(-20) } });
    await head.P1!.ok(ADOPT, { input: { standardId: tool.id, pmoId: pmo.P1, version: 1, adoptedOn: daysFromToday(-20) } });

    const shown = await member.ok(`query($id: ID!) { pmo(id: $id) { tools { name since } toolStandards { standard { title kind } status version } } }`, { id: pmo.P1 });

    expect(shown.pmo.tools).toEqual([{ name: 'Planview', since: daysFromToday(-20) }]);
    expect(shown.pmo.toolStandards).toEqual([{ standard: { title: 'One planning tool', kind: 'TOOL' }, status: 'ADOPTED', version: 1 }]);
  });
});
