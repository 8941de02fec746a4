import type { ThroughlineEvent } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { ReadModelDb } from '../read-model-db';
import { ComplianceFactsProjection } from './compliance-facts.projection';
import { ComplianceFactsReader } from './compliance-facts.reader';

const PORTFOLIO = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const PROGRAMME = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a20';
const PROJECT_A = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a30';
const PROJECT_B = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a31';
const GATES = '5b1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const AGILE = '5b1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a02';
const DEVIATION = '8a1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a01';
const at = (day: string) => `${day}T09:00:00.000Z`;

let position = 0n;
const recorded = (event: ThroughlineEvent, storedAt: string): RecordedEvent => ({
  id: `event-${++position}`,
  streamId: `x-${position}`,
  revision: 0,
  position,
  type: event.type,
  schemaVersion: 1,
  data: { ...(event.data as unknown as Record<string, unknown>) },
  metadata: { actor: 'ada@pmo.example', correlationId: 'spec', recordedAt: storedAt },
  hash: '',
  prevHash: '',
});

const pmo = (pmoId: string, kind: 'PORTFOLIO' | 'PROGRAMME' | 'PROJECT', parentId: string | null): ThroughlineEvent => ({
  type: 'PmoEstablished',
  data: { pmoId, name: pmoId.slice(-2), kind, parentId, head: null },
});

const standard = (standardId: string, title: string): ThroughlineEvent => ({
  type: 'StandardPublished',
  data: {
    standardId,
    pmoId: PORTFOLIO,
    kind: 'METHODOLOGY',
    title,
    appliesTo: ['PROJECT'],
    version: 1,
    summary: 's',
    effectiveFrom: '2026-01-01',
    adoptionDueOn: '2026-01-31',
    maxDeviationDays: null,
    publishedAt: at('2025-12-01'),
    publishedBy: 'ada',
  },
});

describe('compliance facts read model', () => {
  let db: ReadModelDb;
  let reader: ComplianceFactsReader;

  beforeEach(() => {
    position = 0n;
    db = ReadModelDb.open(':memory:');
    const projection = new ComplianceFactsProjection();
    db.ensureSchema([projection]);
    const events: [ThroughlineEvent, string][] = [
      [pmo(PORTFOLIO, 'PORTFOLIO', null), at('2025-11-01')],
      [pmo(PROGRAMME, 'PROGRAMME', PORTFOLIO), at('2025-11-01')],
      [pmo(PROJECT_A, 'PROJECT', PROGRAMME), at('2025-11-01')],
      [standard(GATES, 'Stage gates'), at('2025-12-01')],
      [standard(AGILE, 'Agile playbook'), at('2025-12-01')],
      [pmo(PROJECT_B, 'PROJECT', PROGRAMME), at('2026-02-10')],
      [
        { type: 'StandardAdopted', data: { adoptionId: 'a', standardId: GATES, pmoId: PROJECT_A, version: 1, adoptedOn: '2026-01-10', adoptedAt: at('2026-01-10'), adoptedBy: 'ada' } },
        at('2026-01-10'),
      ],
      [
        {
          type: 'DeviationRequested',
          data: {
            deviationId: DEVIATION,
            standardId: AGILE,
            pmoId: PROJECT_A,
            publisherPmoId: PORTFOLIO,
            slot: 1,
            description: 'd',
            reason: 'r',
            significance: 'SIGNIFICANT',
            compensatingMeasures: null,
            from: '2026-02-01',
            until: '2026-03-31',
            inAdvance: false,
            requestedOn: '2026-02-05',
            requestedAt: at('2026-02-05'),
            requestedBy: 'lin',
          },
        },
        at('2026-02-05'),
      ],
      [{ type: 'DeviationApproved', data: { deviationId: DEVIATION, reason: 'ok', decidedOn: '2026-02-15', decidedAt: at('2026-02-15'), decidedBy: 'grace' } }, at('2026-02-15')],
    ];
    db.transaction(() => {
      for (const [event, storedAt] of events) projection.apply(recorded(event, storedAt), db.connection);
    });
    reader = new ComplianceFactsReader(db);
    apply = (event, storedAt) => db.transaction(() => projection.apply(recorded(event, storedAt), db.connection));
  });
  let apply: (event: ThroughlineEvent, storedAt: string) => void;

  afterEach(() => db.close());

  it('given the facts, when asked about a day, then PMOs come in tree order, standards by title, only where they apply', () => {
    expect(reader.report(null, '2026-02-20', null).map((r) => [r.pmoId, r.standardId, r.status])).toEqual([
      [PROJECT_A, AGILE, 'DEVIATION_APPROVED'],
      [PROJECT_A, GATES, 'ADOPTED'],
      [PROJECT_B, AGILE, 'NON_COMPLIANT'],
      [PROJECT_B, GATES, 'NON_COMPLIANT'],
    ]);
  });

  it('given an approval recorded on the 15th, when asked about the 20th as known on the 10th, then the late request is not yet approved: practised without approval', () => {
    const rows = reader.report(PROGRAMME, '2026-02-20', at('2026-02-10'));
    expect(rows.map((r) => [r.pmoId, r.standardId, r.status, r.deviationId])).toEqual([
      [PROJECT_A, AGILE, 'NON_COMPLIANT', DEVIATION],
      [PROJECT_A, GATES, 'ADOPTED', null],
      [PROJECT_B, AGILE, 'NON_COMPLIANT', null],
      [PROJECT_B, GATES, 'NON_COMPLIANT', null],
    ]);
  });

  it('given one pair asked alone, then it answers what the whole report says of it, now and as of an instant', () => {
    for (const asOf of [null, at('2026-02-10')]) {
      const report = reader.report(null, '2026-02-20', asOf);
      expect(report.map((r) => reader.row(r.standardId, r.pmoId, '2026-02-20', asOf))).toEqual(report);
    }
  });

  it('given a PMO recorded on 10 February, when asked about a day before, then it does not appear', () => {
    expect(reader.report(null, '2026-02-09', null).map((r) => r.pmoId)).not.toContain(PROJECT_B);
  });

  it('given a root, then only its subtree is reported, and one row can be asked for alone', () => {
    expect(reader.report(PROJECT_A, '2026-02-20', null).map((r) => r.pmoId)).toEqual([PROJECT_A, PROJECT_A]);
    expect(reader.row(GATES, PROJECT_A, '2026-01-09')).toMatchObject({ status: 'PENDING', version: null, currentVersion: 1, dueOn: '2026-01-31' });
    expect(reader.row(GATES, PROGRAMME, '2026-01-09')).toMatchObject({ status: 'PENDING' });
    expect(reader.row('5b1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a99', PROJECT_A, '2026-01-09')).toBeNull();
  });

  it('given a report asked now, when another fact is recorded, then the next report sees it', () => {
    expect(reader.row(GATES, PROJECT_B, '2026-03-01')?.status).toBe('NON_COMPLIANT');
    apply(
      { type: 'StandardAdopted', data: { adoptionId: 'b', standardId: GATES, pmoId: PROJECT_B, version: 1, adoptedOn: '2026-02-20', adoptedAt: at('2026-02-20'), adoptedBy: 'ada' } },
      at('2026-02-20'),
    );
    expect(reader.row(GATES, PROJECT_B, '2026-03-01')?.status).toBe('ADOPTED');
  });

  it('given deviations, then those requested since a day are handed to the pattern rule with their decision', () => {
    expect(reader.requestedSince('2026-01-01')).toEqual([{ standardId: AGILE, pmoId: PROJECT_A, requestedOn: '2026-02-05', status: 'APPROVED' }]);
    expect(reader.requestedSince('2026-03-01')).toEqual([]);
  });

  it('given a PMO established on an earlier day than recorded, then it is reported from that day', () => {
    const older = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a32';
    apply({ type: 'PmoEstablished', data: { pmoId: older, name: 'older', kind: 'PROJECT', parentId: PROGRAMME, head: null, establishedOn: '2025-06-01' } }, at('2026-03-01'));

    expect(reader.report(older, '2026-02-01', null).map((r) => [r.standardId, r.status])).toEqual([
      [AGILE, 'NON_COMPLIANT'],
      [GATES, 'NON_COMPLIANT'],
    ]);
  });

  it('given a programme merged into another on the 1st of March, then it and its projects are reported under the successor from that day, and as they stood before when asked as of before the merger', () => {
    const successor = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a21';
    apply(pmo(successor, 'PROGRAMME', PORTFOLIO), at('2025-11-01'));
    apply({ type: 'PmoMerged', data: { pmoId: PROGRAMME, successorId: successor, effectiveOn: '2026-03-01', reason: 'one office' } }, at('2026-03-01'));
    for (const child of [PROJECT_A, PROJECT_B]) {
      apply({ type: 'PmoMovedToSuccessor', data: { pmoId: child, parentId: successor, previousParentId: PROGRAMME, effectiveOn: '2026-03-01', reason: 'one office' } }, at('2026-03-01'));
    }
    const pmosIn = (root: string, on: string, asOf: string | null) => [...new Set(reader.report(root, on, asOf).map((r) => r.pmoId))];

    expect(pmosIn(successor, '2026-03-02', null)).toEqual([PROJECT_A, PROJECT_B]);
    expect(pmosIn(PROGRAMME, '2026-03-02', null)).toEqual([]);
    expect(pmosIn(PROGRAMME, '2026-03-02', at('2026-02-28'))).toEqual([PROJECT_A, PROJECT_B]);
  });
});
