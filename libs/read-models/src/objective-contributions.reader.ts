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
 * The open links to the objective, each with what the link event said (link_version keeps its
 * rationale and when it was made) and its activity's title (activity_version), all read from rows:
 * no activity's stored view is parsed. entity_state is joined on its primary key for the order
 * lists use: activities by creation, then id; an activity's links in the order made (link_no).
 */
const CONTRIBUTIONS_NOW = `
  SELECT v.activity_id AS activityId,
         a.title AS activityTitle,
         v.rationale AS rationale,
         v.weight AS weight,
         v.linked_at AS linkedAt,
         v.effective_from AS effectiveFrom
  FROM link_version v
  JOIN activity_version a ON a.activity_id = v.activity_id AND a.recorded_to IS NULL
  JOIN entity_state e ON e.stream_id = @category || '-' || v.activity_id
  WHERE v.objective_id = @objectiveId AND v.recorded_to IS NULL AND v.ended_on IS NULL
  ORDER BY e.created_at, e.entity_id, v.link_no`;

/** Contributions to an objective as they stand now (a question about the past folds the activities instead). */
export class ObjectiveContributionsReader {
  private readonly now: Statement<[{ objectiveId: string; category: string }], ObjectiveContributionRow>;

  /** entity_state, link_version and activity_version must exist: construct after the projector (which creates them). */
  constructor(db: Database | ReadModelDb) {
    const connection = db instanceof ReadModelDb ? db.connection : db;
    this.now = connection.prepare(CONTRIBUTIONS_NOW);
  }

  /** `category` is the activities' stream category, which prefixes their stream ids. */
  openLinksTo(objectiveId: string, category: string): ObjectiveContributionRow[] {
    return this.now.all({ objectiveId, category });
  }
}
