import { spec } from '@throughline/testing';
import type { IssueMandate } from './pmo.commands';
import { pmoDecider } from './pmo.decider';
import type { MandateIssued, PmoEstablished } from './pmo.events';
import { pmoView } from './pmo.view';

const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const parentId = '0b9e7c3d-2f4a-4e61-8c5b-7d1a9e3f6b22';

const established: PmoEstablished = {
  type: 'PmoEstablished',
  data: { pmoId, name: 'Transformation PMO', kind: 'PROGRAMME', parentId, head: 'grace@pmo.example' },
};

const firstMandate: MandateIssued = {
  type: 'MandateIssued',
  data: {
    pmoId,
    version: 1,
    purpose: 'GOVERNANCE',
    statement: 'Review every project at each stage gate',
    sponsor: 'Chief Operating Officer',
    effectiveFrom: '2026-01-01',
    reason: null,
  },
};

const issue = (overrides: Partial<IssueMandate> = {}): IssueMandate => ({
  type: 'IssueMandate',
  pmoId,
  purpose: 'COMMERCIAL_VALUE',
  statement: 'Raise on-time delivery across the programme',
  sponsor: 'Chief Operating Officer',
  effectiveFrom: '2026-04-01',
  reason: 'The board moved the programme from oversight to results',
  ...overrides,
});

describe('PMO', () => {
  describe('establishing', () => {
    it('records a PMO under a parent of a higher rank, with the name trimmed', () => {
      spec(pmoDecider)
        .given([])
        .when({
          type: 'EstablishPmo',
          pmoId,
          name: '  Transformation PMO ',
          kind: 'PROGRAMME',
          parent: { pmoId: parentId, kind: 'PORTFOLIO' },
          head: 'grace@pmo.example',
        })
        .then([
          {
            type: 'PmoEstablished',
            data: { pmoId, name: 'Transformation PMO', kind: 'PROGRAMME', parentId, head: 'grace@pmo.example' },
          },
        ]);
    });

    it('records a top-level PMO without a head', () => {
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name: 'Group PMO', kind: 'PORTFOLIO', parent: null, head: null })
        .then([
          { type: 'PmoEstablished', data: { pmoId, name: 'Group PMO', kind: 'PORTFOLIO', parentId: null, head: null } },
        ]);
    });

    it('allows a PMO under a parent of the same kind', () => {
      spec(pmoDecider)
        .given([])
        .when({
          type: 'EstablishPmo',
          pmoId,
          name: 'Sub-project PMO',
          kind: 'PROJECT',
          parent: { pmoId: parentId, kind: 'PROJECT' },
          head: null,
        })
        .then([
          { type: 'PmoEstablished', data: { pmoId, name: 'Sub-project PMO', kind: 'PROJECT', parentId, head: null } },
        ]);
    });

    it.each([
      ['PORTFOLIO', 'PROGRAMME'],
      ['PORTFOLIO', 'PROJECT'],
      ['PROGRAMME', 'PROJECT'],
    ] as const)('refuses a %s under a %s', (kind, parentKind) => {
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name: 'X', kind, parent: { pmoId: parentId, kind: parentKind }, head: null })
        .thenThrows('PMO_HIERARCHY_INVALID', 'parentId');
    });

    it('refuses a PMO as its own parent', () => {
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name: 'X', kind: 'PROJECT', parent: { pmoId, kind: 'PROJECT' }, head: null })
        .thenThrows('PMO_HIERARCHY_INVALID', 'parentId');
    });

    it.each([['   '], ['x'.repeat(201)]])('refuses the name %p', (name) => {
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name, kind: 'PROJECT', parent: null, head: null })
        .thenThrows('BAD_USER_INPUT', 'name');
    });

    it('accepts a name of exactly 200 characters', () => {
      const name = 'x'.repeat(200);
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name, kind: 'PROJECT', parent: null, head: null })
        .then([{ type: 'PmoEstablished', data: { pmoId, name, kind: 'PROJECT', parentId: null, head: null } }]);
    });

    it('refuses an unknown kind and a blank head', () => {
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name: 'X', kind: 'DEPARTMENT' as never, parent: null, head: null })
        .thenThrows('BAD_USER_INPUT', 'kind');
      spec(pmoDecider)
        .given([])
        .when({ type: 'EstablishPmo', pmoId, name: 'X', kind: 'PROJECT', parent: null, head: ' ' })
        .thenThrows('BAD_USER_INPUT', 'head');
    });

    it('refuses to establish a PMO twice', () => {
      spec(pmoDecider)
        .given([established])
        .when({ type: 'EstablishPmo', pmoId, name: 'Again', kind: 'PROJECT', parent: null, head: null })
        .thenThrows('PMO_ALREADY_EXISTS');
    });
  });

  describe('renaming and assigning a head', () => {
    it('renames, remembering the previous name', () => {
      spec(pmoDecider)
        .given([established])
        .when({ type: 'RenamePmo', pmoId, name: 'Delivery PMO ' })
        .then([{ type: 'PmoRenamed', data: { pmoId, name: 'Delivery PMO', previousName: 'Transformation PMO' } }]);
    });

    it('records nothing when the name does not change', () => {
      spec(pmoDecider).given([established]).when({ type: 'RenamePmo', pmoId, name: ' Transformation PMO' }).then([]);
    });

    it('refuses a blank name', () => {
      spec(pmoDecider).given([established]).when({ type: 'RenamePmo', pmoId, name: '' }).thenThrows('BAD_USER_INPUT', 'name');
    });

    it('assigns a head, remembering the previous one, and may vacate the post', () => {
      spec(pmoDecider)
        .given([established])
        .when({ type: 'AssignPmoHead', pmoId, head: 'alan@pmo.example' })
        .then([
          { type: 'PmoHeadAssigned', data: { pmoId, head: 'alan@pmo.example', previousHead: 'grace@pmo.example' } },
        ]);
      spec(pmoDecider)
        .given([established])
        .when({ type: 'AssignPmoHead', pmoId, head: null })
        .then([{ type: 'PmoHeadAssigned', data: { pmoId, head: null, previousHead: 'grace@pmo.example' } }]);
    });

    it('records nothing when the head does not change', () => {
      spec(pmoDecider).given([established]).when({ type: 'AssignPmoHead', pmoId, head: 'grace@pmo.example' }).then([]);
    });

    it('refuses a head name over 200 characters', () => {
      spec(pmoDecider)
        .given([established])
        .when({ type: 'AssignPmoHead', pmoId, head: 'x'.repeat(201) })
        .thenThrows('BAD_USER_INPUT', 'head');
    });

    it.each([
      { type: 'RenamePmo', pmoId, name: 'X' },
      { type: 'AssignPmoHead', pmoId, head: 'x' },
      issue(),
    ] as const)('refuses $type on an unknown PMO', (command) => {
      spec(pmoDecider).given([]).when(command).thenThrows('PMO_NOT_FOUND');
    });

    it('keeps the latest name and head in state, and shows them with the parent', () => {
      const given = spec(pmoDecider)
        .given([established, { type: 'PmoRenamed', data: { pmoId, name: 'Delivery PMO', previousName: 'Transformation PMO' } }])
        .when({ type: 'AssignPmoHead', pmoId, head: null });
      given.thenState((state) => {
        expect(state).toMatchObject({ status: 'ESTABLISHED', name: 'Delivery PMO', head: null });
      });
      given.thenView(pmoView, (view) => {
        expect(view).toMatchObject({ status: 'ESTABLISHED', name: 'Delivery PMO', head: null, parentId, revision: 2 });
      });
    });
  });

  describe('mandates', () => {
    it('issues the first mandate as version 1, with or without a reason (kept trimmed)', () => {
      spec(pmoDecider)
        .given([established])
        .when(
          issue({
            purpose: 'GOVERNANCE',
            statement: ' Review every project at each stage gate ',
            effectiveFrom: '2026-01-01',
            reason: null,
          }),
        )
        .then([firstMandate]);
      spec(pmoDecider)
        .given([established])
        .when(issue({ reason: '  Board decision ' }))
        .then([
          {
            type: 'MandateIssued',
            data: {
              pmoId,
              version: 1,
              purpose: 'COMMERCIAL_VALUE',
              statement: 'Raise on-time delivery across the programme',
              sponsor: 'Chief Operating Officer',
              effectiveFrom: '2026-04-01',
              reason: 'Board decision',
            },
          },
        ]);
    });

    it('replaces the mandate as the next version, with its reason', () => {
      spec(pmoDecider)
        .given([established, firstMandate])
        .when(issue())
        .then([
          {
            type: 'MandateIssued',
            data: {
              pmoId,
              version: 2,
              purpose: 'COMMERCIAL_VALUE',
              statement: 'Raise on-time delivery across the programme',
              sponsor: 'Chief Operating Officer',
              effectiveFrom: '2026-04-01',
              reason: 'The board moved the programme from oversight to results',
            },
          },
        ]);
    });

    it('shows every earlier mandate', () => {
      spec(pmoDecider)
        .given([established, firstMandate])
        .when(issue())
        .thenView(pmoView, (view) => {
          if (view.status !== 'ESTABLISHED') throw new Error('expected an established PMO');
          expect(view.mandate).toMatchObject({ version: 2, purpose: 'COMMERCIAL_VALUE' });
          expect(view.previousMandates).toEqual([firstMandate.data].map(({ pmoId: _, ...mandate }) => mandate));
        });
    });

    it('refuses to replace a mandate without a reason', () => {
      spec(pmoDecider).given([established, firstMandate]).when(issue({ reason: null })).thenThrows('MANDATE_REASON_REQUIRED', 'reason');
    });

    it.each([[''], ['   '], ['\u200b']])('refuses a blank or invisible reason (%p) rather than take it for none', (reason) => {
      spec(pmoDecider).given([established]).when(issue({ reason })).thenThrows('BAD_USER_INPUT', 'reason');
      spec(pmoDecider).given([established, firstMandate]).when(issue({ reason })).thenThrows('BAD_USER_INPUT', 'reason');
    });

    it('records nothing when the mandate in force is issued again word for word', () => {
      const { pmoId: _, version: __, ...same } = firstMandate.data;
      spec(pmoDecider).given([established, firstMandate]).when({ type: 'IssueMandate', pmoId, ...same }).then([]);
    });

    it.each([
      ['purpose', { purpose: 'MARKETING' as never }],
      ['statement', { statement: ' ' }],
      ['statement', { statement: 'x'.repeat(2001) }],
      ['sponsor', { sponsor: '' }],
      ['sponsor', { sponsor: 'x'.repeat(201) }],
      ['effectiveFrom', { effectiveFrom: '2026-02-30' }],
      ['effectiveFrom', { effectiveFrom: '2026-04-01T00:00:00Z' }],
      ['reason', { reason: 'x'.repeat(2001) }],
    ])('refuses an invalid %s (case %#)', (field, overrides) => {
      spec(pmoDecider).given([established, firstMandate]).when(issue(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });
});
