import { ReadModelDb } from '../read-model-db';
import { AlignmentFeed } from './alignment-feed.fixture';
import { AlignmentProjection } from './alignment.projection';
import { AlignmentReader } from './alignment.reader';

/** An in-memory read model fed by an AlignmentFeed, the way the projector feeds it. */
export class AlignmentHarness {
  readonly db = ReadModelDb.open(':memory:');
  readonly projection = new AlignmentProjection();
  readonly feed: AlignmentFeed;
  private applied = 0;
  private reader: AlignmentReader | null = null;

  constructor(start?: string) {
    this.feed = new AlignmentFeed(start);
    this.db.ensureSchema([this.projection]);
  }

  /** Applies the events recorded since the last call, in one transaction, as the projector does. */
  project(): this {
    const events = this.feed.events.slice(this.applied);
    try {
      this.db.transaction(() => {
        events.forEach((event) => this.projection.apply(event, this.db.connection));
        this.projection.flush(this.db.connection);
      });
    } finally {
      this.projection.endBatch();
    }
    this.applied += events.length;
    return this;
  }

  /** Projects what is pending, then reads. */
  get read(): AlignmentReader {
    this.project();
    return (this.reader ??= new AlignmentReader(this.db));
  }

  rows(table: string, where = '1 = 1'): Record<string, unknown>[] {
    return this.db.connection
      .prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY version_id`)
      .all() as Record<string, unknown>[];
  }

  close(): void {
    this.db.close();
  }
}

export const PMO = 'pmo-1';
export const OTHER_PMO = 'pmo-2';

/**
 * Three objectives and a fourth that nothing serves; A1 serves O1, A2 serves O2 and O3 at 1:3,
 * A3 serves nothing, A4 (cancelled) served O4. Work, all recorded on 2026-02-10:
 *
 *   entry    activity  workedOn    hours  credited
 *   w0       A1        2026-01-27  5      O1 5      (before the usual window)
 *   w1       A1        2026-01-28  8      O1 8
 *   w2       A2        2026-01-30  4      O2 1, O3 3
 *   w6, w7   A1        2026-02-01  0.1, 0.2  O1 0.3
 *   w3       A3        2026-02-02  2      -
 *   w4       -         2026-02-03  1.5    -
 *   w5       A2        2026-02-09  2      O2 0.5, O3 1.5
 *   wx       -         2026-01-28  3      -         (logged in the other PMO)
 */
export const baseScenario = (harness: AlignmentHarness): AlignmentHarness => {
  const { feed } = harness;
  feed.at('2026-01-01T09:00:00.000Z');
  for (const objective of ['O1', 'O2', 'O3', 'O4']) feed.objective(objective, PMO);
  feed.activity('A1', { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-03-31' });
  feed.activity('A2', { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-06-30' });
  feed.activity('A3', { pmoId: PMO, startsOn: '2026-01-15', endsOn: '2026-02-28' });
  feed.activity('A4', { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-12-31' });
  feed.link('A1', 'O1', '2026-01-01');
  feed.link('A2', 'O2', '2026-01-01', 1);
  feed.link('A2', 'O3', '2026-01-01', 3);
  feed.link('A4', 'O4', '2026-01-01');
  feed.cancel('A4', '2026-01-10');

  feed.at('2026-02-10T12:00:00.000Z');
  const work = (id: string, activityId: string | null, workedOn: string, hours: number, pmoId = PMO) =>
    feed.log(id, { pmoId, workedOn, hours, activityId });
  work('w0', 'A1', '2026-01-27', 5);
  work('w1', 'A1', '2026-01-28', 8);
  work('w2', 'A2', '2026-01-30', 4);
  work('w6', 'A1', '2026-02-01', 0.1);
  work('w7', 'A1', '2026-02-01', 0.2);
  work('w3', 'A3', '2026-02-02', 2);
  work('w4', null, '2026-02-03', 1.5);
  work('w5', 'A2', '2026-02-09', 2);
  work('wx', null, '2026-01-28', 3, OTHER_PMO);
  return harness.project();
};

/** The usual window: Wednesday 28 January to Tuesday 10 February 2026. */
export const WINDOW: { pmoId: string; from: string; to: string; today: string } = {
  pmoId: PMO,
  from: '2026-01-28',
  to: '2026-02-10',
  today: '2026-02-10',
};

/** Recorded after the base scenario, for facts learnt later. */
export const LATER = '2026-02-12T09:00:00.000Z';
/** Between the base scenario and LATER. */
export const BETWEEN = '2026-02-11T00:00:00.000Z';
