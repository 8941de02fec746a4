import { spec } from '@throughline/testing';
import type { ChangePmoCatalogue, MergePmo } from './pmo.commands';
import { pmoDecider } from './pmo.decider';
import type { PmoCatalogueItemDeclared, PmoEstablished, PmoMerged } from './pmo.events';
import { catalogueOn, currentCatalogue, pmoView, type EstablishedPmoView } from './pmo.view';

// The spec helper decides on 2026-03-15.
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const parentId = '0b9e7c3d-2f4a-4e61-8c5b-7d1a9e3f6b22';
const successorId = '5a7d3c1e-9b2f-4e80-a6d4-3c1b9e7f2a55';
const childId = '2e8f6a4c-1d3b-4c9e-8f7a-6b5d4c3e2f11';

const established: PmoEstablished = {
  type: 'PmoEstablished',
  data: { pmoId, name: 'Delivery PMO', kind: 'PROGRAMME', parentId, head: null, establishedOn: '2025-06-01' },
};
const jira: PmoCatalogueItemDeclared = {
  type: 'PmoCatalogueItemDeclared',
  data: { pmoId, catalogue: 'TOOL', name: 'Jira', description: null, on: '2025-07-01', reason: null },
};
const merged: PmoMerged = { type: 'PmoMerged', data: { pmoId, successorId, effectiveOn: '2026-03-01', reason: 'One office for delivery' } };

const change = (overrides: Partial<ChangePmoCatalogue> = {}): ChangePmoCatalogue => ({
  type: 'DeclarePmoCatalogueItem',
  pmoId,
  catalogue: 'TOOL',
  name: 'Jira',
  description: null,
  on: null,
  reason: null,
  establishedOn: '2025-06-01',
  ...overrides,
});

const merge = (overrides: Partial<MergePmo> = {}, into: Partial<MergePmo['into']> = {}): MergePmo => ({
  type: 'MergePmo',
  pmoId,
  establishedOn: '2025-06-01',
  into: { pmoId: successorId, kind: 'PROGRAMME', establishedOn: '2024-01-01', merged: false, ancestorIds: [parentId], ...into },
  effectiveOn: '2026-03-01',
  reason: 'One office for delivery',
  ...overrides,
});

const view = (v: unknown): EstablishedPmoView => v as EstablishedPmoView;

describe('PMO life', () => {
  describe('given a PMO older than its record, when it is established', () => {
    const establish = (establishedOn: string | null, parentEstablishedOn = '2020-01-01') => ({
      type: 'EstablishPmo' as const,
      pmoId,
      name: 'Delivery PMO',
      kind: 'PROGRAMME' as const,
      parent: { pmoId: parentId, kind: 'PORTFOLIO' as const, establishedOn: parentEstablishedOn },
      head: null,
      establishedOn,
    });

    it('then it records the day it came into being', () => {
      spec(pmoDecider)
        .given([])
        .when(establish('2025-06-01'))
        .then([{ type: 'PmoEstablished', data: { pmoId, name: 'Delivery PMO', kind: 'PROGRAMME', parentId, head: null, establishedOn: '2025-06-01' } }]);
    });

    it('then without a day the view shows the day recorded, ACTIVE and without successor', () => {
      spec(pmoDecider)
        .given([])
        .when(establish(null))
        .thenView(pmoView, (v) => {
          expect(view(v)).toMatchObject({ establishedOn: '2026-03-15', lifecycle: 'ACTIVE', merger: null });
        });
    });

    it('then a day before the parent was established is refused, naming establishedOn', () => {
      spec(pmoDecider).given([]).when(establish('2019-12-31')).thenThrows('ESTABLISHED_BEFORE_PARENT', 'establishedOn');
    });

    it('then a day after today is refused', () => {
      spec(pmoDecider).given([]).when(establish('2026-03-16')).thenThrows('DAY_IN_FUTURE', 'establishedOn');
    });

    it('then an impossible day is bad input', () => {
      spec(pmoDecider).given([]).when(establish('2026-02-30')).thenThrows('BAD_USER_INPUT', 'establishedOn');
    });

    it('then a merged parent takes no new child', () => {
      spec(pmoDecider)
        .given([])
        .when({ ...establish(null), parent: { pmoId: parentId, kind: 'PORTFOLIO', merged: true } })
        .thenThrows('PMO_MERGED', 'parentId');
    });
  });

  describe('catalogue', () => {
    it('given a PMO, when it declares a tool without a day, then the tool is in from today', () => {
      spec(pmoDecider)
        .given([established])
        .when(change({ name: ' Jira ', description: 'Issue tracking', reason: 'Chosen by the board' }))
        .then([
          {
            type: 'PmoCatalogueItemDeclared',
            data: { pmoId, catalogue: 'TOOL', name: 'Jira', description: 'Issue tracking', on: '2026-03-15', reason: 'Chosen by the board' },
          },
        ]);
    });

    it('given a current tool, when it is declared again, then it is refused', () => {
      spec(pmoDecider).given([established, jira]).when(change()).thenThrows('CATALOGUE_ITEM_ALREADY_CURRENT', 'name');
    });

    it('given a current tool, when a service of the same name is declared, then both are kept apart', () => {
      spec(pmoDecider)
        .given([established, jira])
        .when(change({ catalogue: 'SERVICE' }))
        .then([{ type: 'PmoCatalogueItemDeclared', data: { pmoId, catalogue: 'SERVICE', name: 'Jira', description: null, on: '2026-03-15', reason: null } }]);
    });

    it('given no such tool, when it is retired, then it is refused', () => {
      spec(pmoDecider).given([established]).when(change({ type: 'RetirePmoCatalogueItem' })).thenThrows('CATALOGUE_ITEM_NOT_CURRENT', 'name');
    });

    it('given a current tool, when it is retired on a day, then the catalogue on each day shows what the PMO had', () => {
      spec(pmoDecider)
        .given([established, jira])
        .when(change({ type: 'RetirePmoCatalogueItem', on: '2026-01-10', reason: 'Moved to another tracker' }))
        .thenView(pmoView, (v) => {
          const pmo = view(v);
          expect(catalogueOn(pmo, 'TOOL', '2026-01-09').map((e) => e.name)).toEqual(['Jira']);
          expect(catalogueOn(pmo, 'TOOL', '2026-01-10')).toEqual([]);
          expect(catalogueOn(pmo, 'TOOL', '2025-06-30')).toEqual([]);
          expect(currentCatalogue(pmo, 'TOOL')).toEqual([]);
          expect(pmo.catalogue).toEqual([
            { catalogue: 'TOOL', name: 'Jira', description: null, since: '2025-07-01', until: '2026-01-10', declaredReason: null, retiredReason: 'Moved to another tracker' },
          ]);
        });
    });

    it('given a retired tool, when it comes back, then a second period starts, not before the retirement', () => {
      const retired = { type: 'PmoCatalogueItemRetired' as const, data: { pmoId, catalogue: 'TOOL' as const, name: 'Jira', on: '2026-01-10', reason: null } };
      spec(pmoDecider).given([established, jira, retired]).when(change({ on: '2026-01-09' })).thenThrows('CATALOGUE_DAY_OUT_OF_ORDER', 'on');
      spec(pmoDecider)
        .given([established, jira, retired])
        .when(change({ on: '2026-02-01' }))
        .thenView(pmoView, (v) => expect(view(v).catalogue.map((e) => [e.since, e.until])).toEqual([['2025-07-01', '2026-01-10'], ['2026-02-01', null]]));
    });

    it.each([
      [{ on: '2026-03-16' }, 'DAY_IN_FUTURE', 'on'],
      [{ on: '2025-05-31' }, 'DAY_BEFORE_ESTABLISHMENT', 'on'],
      [{ name: '  ' }, 'BAD_USER_INPUT', 'name'],
      [{ reason: '' }, 'BAD_USER_INPUT', 'reason'],
      [{ on: '2026-13-01' }, 'BAD_USER_INPUT', 'on'],
    ] as const)('given a PMO, when an item is declared with %p, then %s on %s', (overrides, code, field) => {
      spec(pmoDecider).given([established]).when(change(overrides)).thenThrows(code, field);
    });

    it('given a tool, when it is retired before it was declared, then it is refused', () => {
      spec(pmoDecider).given([established, jira]).when(change({ type: 'RetirePmoCatalogueItem', on: '2025-06-30' })).thenThrows('CATALOGUE_DAY_OUT_OF_ORDER', 'on');
    });

    it('given a merged PMO, when it changes its catalogue, then it is refused', () => {
      spec(pmoDecider).given([established, merged]).when(change({ name: 'Miro' })).thenThrows('PMO_MERGED', 'pmoId');
    });
  });

  describe('merger', () => {
    it('given an ACTIVE PMO, when it merges into one of the same kind, then it is MERGED with its successor', () => {
      spec(pmoDecider).given([established]).when(merge()).then([merged]);
      spec(pmoDecider)
        .given([established])
        .when(merge())
        .thenView(pmoView, (v) => expect(view(v)).toMatchObject({ lifecycle: 'MERGED', merger: { successorId, effectiveOn: '2026-03-01' } }));
    });

    it('given a PROGRAMME PMO, when it merges into a PORTFOLIO one, then it is accepted', () => {
      spec(pmoDecider).given([established]).when(merge({}, { kind: 'PORTFOLIO' })).then([merged]);
    });

    it.each([
      [{}, { pmoId }, 'PMO_MERGE_INTO_ITSELF', 'intoPmoId'],
      [{}, { ancestorIds: [parentId, pmoId] }, 'PMO_MERGE_INTO_DESCENDANT', 'intoPmoId'],
      [{}, { kind: 'PROJECT' }, 'PMO_MERGE_INTO_LOWER_KIND', 'intoPmoId'],
      [{}, { merged: true }, 'PMO_MERGED', 'intoPmoId'],
      [{ effectiveOn: '2025-05-31' }, {}, 'DAY_BEFORE_ESTABLISHMENT', 'effectiveOn'],
      [{ effectiveOn: '2025-07-01' }, { establishedOn: '2025-08-01' }, 'DAY_BEFORE_ESTABLISHMENT', 'effectiveOn'],
      [{ effectiveOn: '2026-03-16' }, {}, 'DAY_IN_FUTURE', 'effectiveOn'],
      [{ reason: ' ' }, {}, 'BAD_USER_INPUT', 'reason'],
    ] as const)('given an ACTIVE PMO, when merged with %p into %p, then %s on %s', (overrides, into, code, field) => {
      spec(pmoDecider).given([established]).when(merge(overrides, into)).thenThrows(code, field);
    });

    it('given a merged PMO, when the same merger is asked again, then nothing new is recorded (a retry)', () => {
      spec(pmoDecider).given([established, merged]).when(merge()).then([]);
    });

    it('given a merged PMO, when another merger is asked, then it is refused', () => {
      const other = '7c6b5a4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';
      spec(pmoDecider).given([established, merged]).when(merge({}, { pmoId: other })).thenThrows('PMO_ALREADY_MERGED', 'pmoId');
    });

    it('given a child of the merged PMO, when it moves to the successor, then its parent changes; moved again, nothing', () => {
      const child: PmoEstablished = { type: 'PmoEstablished', data: { pmoId: childId, name: 'Project', kind: 'PROJECT', parentId: pmoId, head: null } };
      const move = { type: 'MovePmoToSuccessor' as const, pmoId: childId, mergedPmoId: pmoId, successorId, effectiveOn: '2026-03-01', reason: 'merger' };
      const moved = { type: 'PmoMovedToSuccessor' as const, data: { pmoId: childId, parentId: successorId, previousParentId: pmoId, effectiveOn: '2026-03-01', reason: 'merger' } };
      spec(pmoDecider).given([child]).when(move).then([moved]);
      spec(pmoDecider).given([child, moved]).when(move).then([]);
      spec(pmoDecider).given([child]).when(move).thenView(pmoView, (v) => expect(view(v).parentId).toBe(successorId));
      spec(pmoDecider).given([{ ...child, data: { ...child.data, parentId } }]).when(move).thenThrows('PMO_HIERARCHY_INVALID');
    });
  });
});
