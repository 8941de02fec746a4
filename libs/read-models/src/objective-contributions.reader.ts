import type { Database, Statement } from 'better-sqlite3';
import { ReadModelDb } from './read-model-db';

/** An open link to an objective, with what a client most often asks of its activity. */
export interface ObjectiveContributionRow {
  readonly activityId: string;
  readonly activityTitle: string;
  readonly rationale: string;
  readonly weight: number;
  readonly linkedAt: string;
  readonly effectiveFrom: string;
}

/*
 * The link index names the activities linked to the objective now; each activity's own view (in
 * entity_state) holds the link's rationale and when it was made. One statement reads both, taking
 * from each activity's JSON only the fields asked for, so an objective's contributions cost one
 * query rather than a link query, a batched read of whole activity views and a parse of each.
 * Order: activities by creation, then id; an activity's links in the order made.
 */
const CONTRIBUTIONS_NOW = `
  SELECT e.entity_id AS activityId,
         json_extract(e.state, '$.title') AS activityTitle,
         json_extract(l.value, '$.rationale') AS rationale,
         json_extract(l.value, '$.weight') AS weight,
         json_extract(l.value, '$.linkedAt') AS linkedAt,
         json_extract(l.value, '$.effectiveFrom') AS effectiveFrom
  FROM entity_state e, json_each(e.state, '$.links') l
  WHERE e.stream_id IN (
          SELECT @category || '-' || v.activity_id FROM link_version v
          WHERE v.objective_id = @objectiveId AND v.recorded_to IS NULL AND v.ended_on IS NULL)
    AND json_extract(e.state, '$.status') <> 'NONE'
    AND json_extract(l.value, '$.objectiveId') = @objectiveId
    AND json_extract(l.value, '$.endedOn') IS NULL
  ORDER BY e.created_at, e.entity_id, l.key`;

/** Contributions to an objective as they stand now (a question about the past folds the activities instead). */
export class ObjectiveContributionsReader {
  private readonly now: Statement<[{ objectiveId: string; category: string }], ObjectiveContributionRow>;

  /** entity_state and link_version must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    const connection = db instanceof ReadModelDb ? db.connection : db;
    this.now = connection.prepare(CONTRIBUTIONS_NOW);
  }

  /** `category` is the activities' stream category, which prefixes their stream ids. */
  openLinksTo(objectiveId: string, category: string): ObjectiveContributionRow[] {
    return this.now.all({ objectiveId, category });
  }
}
