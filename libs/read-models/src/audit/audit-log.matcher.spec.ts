import fc from 'fast-check';
import type { RecordedEvent } from '@throughline/event-store';
import { ReadModelDb } from '../read-model-db';
import { AuditLogProjection } from './audit-log.projection';
import { AuditLogReader, auditRowMatcher, type AuditLogFilter } from './audit-log.reader';

const PMOS = ['0b7c6f0e-0000-4000-8000-000000000001', '0b7c6f0e-0000-4000-8000-000000000002'];
const ACTORS = ['ada@pmo.example', 'grace@pmo.example', 'sam@pmo.example'];
const TYPES = ['PmoRenamed', 'ObjectiveDefined', 'WorkLogged', 'WorkdayHoursCounted'];
const STREAMS = [`pmo-${PMOS[0]}`, `pmo-${PMOS[1]}`, 'objective-0b7c6f0e-0000-4000-8000-000000000011', 'workday-0b7c6f0e-0000-4000-8000-000000000091'];
const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, second)).toISOString();

interface Drawn {
  readonly stream: number;
  readonly actor: number;
  readonly type: number;
  readonly second: number;
}

/** Events as the store would hand them out: positions in order, each stream's revisions from 0. */
const recorded = (drawn: readonly Drawn[]): RecordedEvent[] => {
  const revisions = new Map<string, number>();
  return drawn.map((d, index) => {
    const streamId = STREAMS[d.stream] as string;
    const revision = revisions.get(streamId) ?? 0;
    revisions.set(streamId, revision + 1);
    return {
      id: `event-${index}`,
      streamId,
      revision,
      position: BigInt(index + 1),
      type: TYPES[d.type] as string,
      schemaVersion: 1,
      // The objective's first event names its PMO, as every entity's first event does.
      data: streamId.startsWith('objective-') ? { pmoId: PMOS[1] } : {},
      metadata: { actor: ACTORS[d.actor] as string, correlationId: `corr-${index}`, recordedAt: at(d.second) },
      hash: `hash-${index}`,
      prevHash: '',
    };
  });
};

const event = fc.record({ stream: fc.nat(3), actor: fc.nat(2), type: fc.nat(3), second: fc.nat(59) });
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
const filter: fc.Arbitrary<AuditLogFilter> = fc.record({
  pmoId: maybe(fc.constantFrom(...PMOS, null)),
  actor: maybe(fc.constantFrom(...ACTORS, 'nobody@pmo.example')),
  types: maybe(fc.subarray([...TYPES, 'NoSuchEvent'])),
  from: maybe(fc.nat(59).map(at)),
  // Written with an offset: the same instant an hour ahead, as a client may send it.
  to: maybe(fc.nat(59).map((second) => at(second).replace('T09:', 'T10:').replace('Z', '+01:00'))),
});

describe('the audit filter held against one row', () => {
  it('lets through exactly the rows a page with the same filter lists', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), filter, (drawn, wanted) => {
        const db = ReadModelDb.open(':memory:');
        try {
          const projection = new AuditLogProjection();
          db.ensureSchema([projection]);
          db.transaction(() => recorded(drawn).forEach((e) => projection.apply(e, db.connection)));
          const reader = new AuditLogReader(db);

          const listed = reader.page(wanted, null, 1000);
          const matched = reader.page({}, null, 1000).filter(auditRowMatcher(wanted));

          expect(matched).toEqual(listed);
        } finally {
          db.close();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reads back the rows between two positions, both included', () => {
    const db = ReadModelDb.open(':memory:');
    const projection = new AuditLogProjection();
    db.ensureSchema([projection]);
    const events = recorded(Array.from({ length: 6 }, (_, i) => ({ stream: i % 4, actor: 0, type: 0, second: i })));
    db.transaction(() => events.forEach((e) => projection.apply(e, db.connection)));

    const positions = new AuditLogReader(db).fromTo(2n, 5n).map((row) => row.position);

    expect(positions).toEqual([2n, 3n, 4n, 5n]);
    db.close();
  });
});
