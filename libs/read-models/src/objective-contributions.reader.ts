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
 * The open links to the objective, each with what the link event said and its activity's title,
 * as the alignment projection keeps them (objective_contribution): one range of the primary key,
 * already in order, the one the answer as of an instant has too: activities by when they were
 * planned (their view's createdAt), then id, and an activity's links in the order made (link_no).
 * No activity's stored view is parsed.
 */
const CONTRIBUTIONS_NOW = `
  SELECT activity_id AS activityId,
         activity_title AS activityTitle,
         rationale,
         weight,
         linked_at AS linkedAt,
         effective_from AS effectiveFrom
  FROM objective_contribution
  WHERE objective_id = ?
  ORDER BY planned_at, activity_id, link_no`;

/** Contributions to an objective as they stand now (a question about the past folds the activities instead). */
export class ObjectiveContributionsReader {
  private readonly now: Statement<[string], ObjectiveContributionRow>;

  /** objective_contribution must exist: construct after the projector (which creates it). */
  constructor(db: Database | ReadModelDb) {
    const connection = db instanceof ReadModelDb ? db.connection : db;
    this.now = connection.prepare(CONTRIBUTIONS_NOW);
  }

  openLinksTo(objectiveId: string): ObjectiveContributionRow[] {
    return this.now.all(objectiveId);
  }
}
