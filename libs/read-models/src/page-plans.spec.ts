import Database from 'better-sqlite3';
import { ALIGNMENT_DDL, ALIGNMENT_QUERY_INDEXES } from './alignment/alignment.schema';
import { AlignmentReader } from './alignment/alignment.reader';
import { AuditLogProjection } from './audit/audit-log.projection';
import { AuditLogReader } from './audit/audit-log.reader';
import { EntityStateProjection } from './entity-state.projection';
import { EntityStateReader, type EntityKey } from './entity-state.reader';
import { ObjectiveMeasurementProjection } from './measurements/objective-measurement.projection';
import { ObjectiveMeasurementReader } from './measurements/objective-measurement.reader';
import { NetworkFactsProjection } from './network/network-facts.projection';
import { TouchpointPagesReader, type TouchpointKey } from './network/touchpoint-pages.reader';

/**
 * A page must cost a page: every query a keyset page runs reads along an index in the list's own
 * order, so it stops after its LIMIT, never sorting everything that matched first.
 */
describe('the queries of keyset pages', () => {
  const db = new Database(':memory:');
  for (const statement of [
    ...[new EntityStateProjection([]), new AuditLogProjection(), new ObjectiveMeasurementProjection(), new NetworkFactsProjection()].flatMap(
      (projection) => [...projection.ddl, ...(projection.queryIndexes ?? [])],
    ),
    ...ALIGNMENT_DDL,
    ...ALIGNMENT_QUERY_INDEXES,
  ]) {
    db.exec(statement);
  }
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;

  /** SQLite's plan of a statement, with every parameter bound to a placeholder value. */
  const plan = (sql: string): string => {
    const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1] as string))];
    const params = Object.fromEntries(names.map((name) => [name, /Ids$|^types$/.test(name) ? '[]' : name === 'limit' ? 5 : 'x']));
    return (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('; ');
  };

  const plansOf = (read: () => unknown): string[] => {
    prepared.length = 0;
    read();
    expect(prepared.length).toBeGreaterThan(0);
    return prepared.map(plan);
  };

  const directions = ['forward', 'backward'] as const;
  const entityKey: EntityKey = ['2026-01-01T00:00:00.000Z', 'b'];
  const touchpointKey: TouchpointKey = ['2026-01-05', 9];

  it.each([
    ['a PMO’s entities', 'entity_state_pmo_order', { pmoId: 'p' }],
    ['a parent’s entities', 'entity_state_parent_order', { parentId: 'p' }],
    ['a category’s entities', 'entity_state_order', {}],
    ['a category’s entities as of an instant', 'entity_state_order', { createdUpTo: '2026-02-01T00:00:00.000Z' }],
  ])('%s read along %s', (_what, index, filter) => {
    for (const direction of directions) {
      for (const [after, before] of [[null, null], [entityKey, null], [null, entityKey]] as const) {
        // A reader of its own each time (readers keep what they prepared), made before the plans are gathered.
        const reader = new EntityStateReader(db);
        const [only] = plansOf(() => reader.page('objective', filter, { after, before, direction, limit: 5 }));
        expect(only).toContain(index);
        expect(only).not.toContain('TEMP B-TREE');
      }
    }
  });

  it('work entries read along work_version_pmo_day_entry_now, seeking to the cursor', () => {
    const reader = () => new AlignmentReader(db);
    for (const direction of directions) {
      for (const person of [undefined, 'ada']) {
        const plans = [
          ...plansOf(() => reader().workEntryPage({ pmoId: 'p', from: '2026-01-01', to: '2026-12-31', ...(person ? { person } : {}) }, { after: null, before: null, direction, limit: 5 })),
          ...plansOf(() => reader().workEntryPage({ pmoId: 'p', from: '2026-01-01', to: '2026-12-31' }, { after: ['2026-03-01', 'e'], before: null, direction, limit: 5 })),
        ];
        for (const one of plans) {
          expect(one).toContain('work_version_pmo_day_entry_now');
          expect(one).not.toContain('TEMP B-TREE');
        }
        expect(plans[1]).toContain('(worked_on,work_entry_id)>(?,?)');
      }
    }
  });

  it('touchpoints read along the (PMO or group, day, position) indexes, seeking to the cursor', () => {
    for (const direction of directions) {
      for (const groupId of [null, 'g']) {
        const [page] = plansOf(() => new TouchpointPagesReader(db).page({ pmoId: 'p', groupId, from: '2026-01-01', to: '2026-01-31' }, { after: touchpointKey, before: null, direction, limit: 5 }));
        expect(page).toContain(groupId ? 'network_touchpoint_group_order' : 'network_touchpoint_order');
        expect(page).toContain('(held_on,position)>(?,?)');
        expect(page).not.toContain('TEMP B-TREE');
      }
    }
  });

  it('the audit log and an objective’s measurements read along their keys', () => {
    const log = new AuditLogReader(db);
    const measurements = new ObjectiveMeasurementReader(db);
    const plans = directions.flatMap((direction) => [
      ...plansOf(() => log.between({ pmoId: 'p' }, { after: 3n, before: null, direction, limit: 5 })),
      ...plansOf(() => log.between({}, { after: null, before: 90n, direction, limit: 5 })),
      ...plansOf(() => measurements.page('o', null, { after: 2, before: null, direction, limit: 5 })),
    ]);

    for (const one of plans) expect(one).not.toContain('TEMP B-TREE');
    expect(plans[0]).toContain('audit_log_pmo');
    expect(plans[2]).toContain('PRIMARY KEY');
  });
});
