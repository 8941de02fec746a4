import type { Database, Statement } from 'better-sqlite3';
import type { RecordedEvent } from '@throughline/event-store';
import { dispatch, type EventHandlers } from '../event-handlers';
import { perConnection, type Projection } from '../projection';
import { CreditLedger } from './alignment.ledger';
import { ALIGNMENT_DDL, ALIGNMENT_QUERY_INDEXES, ALIGNMENT_TABLES } from './alignment.schema';
import {
  type ActivityFacts,
  type LinkFacts,
  type ObjectiveFacts,
  type Version,
  type VersionedTable,
  type WorkFacts,
  begin,
  supersede,
  versionedTable,
} from './alignment.versions';

interface Statements {
  readonly work: VersionedTable<WorkFacts>;
  readonly currentWork: Statement<[string], Version<WorkFacts>>;
  readonly link: VersionedTable<LinkFacts>;
  readonly openLinks: Statement<[string, string], Version<LinkFacts>>;
  readonly nextLinkNo: Statement<[string], { next: number }>;
  readonly activity: VersionedTable<ActivityFacts>;
  readonly currentActivity: Statement<[string], Version<ActivityFacts>>;
  readonly objective: VersionedTable<ObjectiveFacts>;
  readonly currentObjective: Statement<[string], Version<ObjectiveFacts>>;
  readonly dropContributions: Statement<[string]>;
  readonly writeContributions: Statement<[string]>;
}

/** What every handler works with: the prepared statements and when the event was recorded. */
interface Context {
  readonly s: Statements;
  readonly at: string;
  readonly ledger: CreditLedger;
}

const prepareStatements = (db: Database): Statements => {
  const work = versionedTable<WorkFacts>(db, 'work_version', {
    workEntryId: 'work_entry_id',
    pmoId: 'pmo_id',
    person: 'person',
    workedOn: 'worked_on',
    hours: 'hours',
    activityId: 'activity_id',
    retracted: 'retracted',
  });
  const link = versionedTable<LinkFacts>(db, 'link_version', {
    activityId: 'activity_id',
    linkNo: 'link_no',
    objectiveId: 'objective_id',
    weight: 'weight',
    effectiveFrom: 'effective_from',
    endedOn: 'ended_on',
    rationale: 'rationale',
    linkedAt: 'linked_at',
  });
  const activity = versionedTable<ActivityFacts>(db, 'activity_version', {
    activityId: 'activity_id',
    planId: 'plan_id',
    pmoId: 'pmo_id',
    title: 'title',
    status: 'status',
    startsOn: 'starts_on',
    endsOn: 'ends_on',
  });
  const objective = versionedTable<ObjectiveFacts>(db, 'objective_version', {
    objectiveId: 'objective_id',
    pmoId: 'pmo_id',
    status: 'status',
    closedOn: 'closed_on',
  });
  return {
    work,
    currentWork: db.prepare(
      `SELECT ${work.selectList} FROM work_version WHERE work_entry_id = ? AND recorded_to IS NULL`,
    ),
    link,
    openLinks: db.prepare(
      `SELECT ${link.selectList} FROM link_version
       WHERE activity_id = ? AND objective_id = ? AND ended_on IS NULL AND recorded_to IS NULL`,
    ),
    nextLinkNo: db.prepare('SELECT COALESCE(MAX(link_no) + 1, 0) AS next FROM link_version WHERE activity_id = ?'),
    activity,
    currentActivity: db.prepare(
      `SELECT ${activity.selectList} FROM activity_version WHERE activity_id = ? AND recorded_to IS NULL`,
    ),
    objective,
    currentObjective: db.prepare(
      `SELECT ${objective.selectList} FROM objective_version WHERE objective_id = ? AND recorded_to IS NULL`,
    ),
    dropContributions: db.prepare('DELETE FROM objective_contribution WHERE activity_id = ?'),
    writeContributions: db.prepare(
      `INSERT INTO objective_contribution
         (objective_id, planned_at, activity_id, link_no, activity_title, rationale, weight, linked_at, effective_from)
       SELECT l.objective_id,
              (SELECT MIN(p.recorded_from) FROM activity_version p WHERE p.activity_id = l.activity_id),
              l.activity_id, l.link_no, a.title, l.rationale, l.weight, l.linked_at, l.effective_from
       FROM link_version l JOIN activity_version a ON a.activity_id = l.activity_id AND a.recorded_to IS NULL
       WHERE l.activity_id = ? AND l.recorded_to IS NULL AND l.ended_on IS NULL`,
    ),
  };
};

/** Writes an activity's contributions again from its open links (objective_contribution), after they changed. */
const rewriteContributions = (s: Statements, activityId: string): void => {
  s.dropContributions.run(activityId);
  s.writeContributions.run(activityId);
};

// Each handler mirrors its aggregate's evolve: an event the fold would ignore (a second
// WorkLogged, completing a cancelled activity...) changes nothing here either.
const handlers: EventHandlers<Context> = {
  WorkLogged: ({ data }, { s, at, ledger }) => {
    if (s.currentWork.get(data.workEntryId)) return;
    const { workEntryId, pmoId, person, workedOn, hours, activityId } = data;
    begin(s.work, { workEntryId, pmoId, person, workedOn, hours, activityId, retracted: 0 }, at);
    ledger.regroup(pmoId, activityId, workedOn, at);
  },
  WorkCorrected: ({ data }, { s, at, ledger }) => {
    const current = s.currentWork.get(data.workEntryId);
    if (!current) return;
    const { person, workedOn, hours, activityId } = data.changes;
    const next = {
      ...current,
      person: person ?? current.person,
      workedOn: workedOn ?? current.workedOn,
      hours: hours ?? current.hours,
      // null is a change too: the entry no longer serves any activity.
      activityId: activityId === undefined ? current.activityId : activityId,
    };
    supersede(s.work, current, next, at);
    ledger.regroup(current.pmoId, current.activityId, current.workedOn, at);
    ledger.regroup(next.pmoId, next.activityId, next.workedOn, at);
  },
  WorkRetracted: ({ data }, { s, at, ledger }) => {
    const current = s.currentWork.get(data.workEntryId);
    if (!current || current.retracted) return;
    supersede(s.work, current, { ...current, retracted: 1 }, at);
    ledger.regroup(current.pmoId, current.activityId, current.workedOn, at);
  },

  ActivityPlanned: ({ data }, { s, at }) => {
    if (s.currentActivity.get(data.activityId)) return;
    const { activityId, planId, pmoId, title, startsOn, endsOn } = data;
    begin(s.activity, { activityId, planId, pmoId, title, status: 'PLANNED', startsOn, endsOn }, at);
  },
  ActivityRescheduled: ({ data }, { s, at, ledger }) => {
    const current = s.currentActivity.get(data.activityId);
    if (!current) return;
    supersede(s.activity, current, { ...current, startsOn: data.startsOn, endsOn: data.endsOn }, at);
    if (data.movedLinks.length === 0) return;
    ledger.recredit([data.activityId], at, () => {
      for (const moved of data.movedLinks) {
        for (const link of s.openLinks.all(data.activityId, moved.objectiveId)) {
          supersede(s.link, link, { ...link, effectiveFrom: moved.effectiveFrom }, at);
        }
      }
    });
    rewriteContributions(s, data.activityId);
  },
  ActivityCompleted: ({ data }, { s, at }) => {
    const current = s.currentActivity.get(data.activityId);
    if (current?.status === 'PLANNED') supersede(s.activity, current, { ...current, status: 'DONE' }, at);
  },
  ActivityCancelled: ({ data }, { s, at }) => {
    const current = s.currentActivity.get(data.activityId);
    if (current?.status === 'PLANNED') supersede(s.activity, current, { ...current, status: 'CANCELLED' }, at);
  },
  ActivityLinkedToObjective: ({ data }, { s, at, ledger }) => {
    if (!s.currentActivity.get(data.activityId)) return;
    const { activityId, objectiveId, weight, effectiveFrom, rationale, linkedAt } = data;
    const linkNo = (s.nextLinkNo.get(activityId) as { next: number }).next;
    ledger.recredit([activityId], at, () =>
      begin(s.link, { activityId, linkNo, objectiveId, weight, effectiveFrom, endedOn: null, rationale, linkedAt }, at),
    );
    rewriteContributions(s, activityId);
  },
  ActivityUnlinkedFromObjective: ({ data }, { s, at, ledger }) => {
    const links = s.openLinks.all(data.activityId, data.objectiveId);
    if (links.length === 0) return;
    ledger.recredit([data.activityId], at, () => {
      for (const link of links) supersede(s.link, link, { ...link, endedOn: data.endedOn }, at);
    });
    rewriteContributions(s, data.activityId);
  },

  // Links may name an objective before it is defined here; until then it counts as never active.
  ObjectiveDefined: ({ data }, { s, at, ledger }) => {
    if (s.currentObjective.get(data.objectiveId)) return;
    ledger.recredit(ledger.activitiesServing(data.objectiveId), at, () =>
      begin(s.objective, { objectiveId: data.objectiveId, pmoId: data.pmoId, status: 'ACTIVE', closedOn: null }, at),
    );
  },
  ObjectiveClosed: ({ data }, { s, at, ledger }) => {
    const current = s.currentObjective.get(data.objectiveId);
    if (current?.status !== 'ACTIVE') return;
    ledger.recredit(ledger.activitiesServing(data.objectiveId), at, () =>
      supersede(s.objective, current, { ...current, status: data.outcome, closedOn: data.closedOn }, at),
    );
  },
};

/**
 * Versions of the facts alignment is computed from: work entries, activities, their links to
 * objectives, and objectives' closure. Plan events are not needed: an activity carries its PMO,
 * and a plan's approval state does not change which objectives the work served. Every other event
 * type is ignored, so the projection can run over the whole feed. Beside the facts it keeps the
 * hours they credit per PMO, day and objective (CreditLedger), which reports add up.
 *
 * `metadata.recordedAt` is taken as the store writes it (ISO-8601 UTC with milliseconds), which is
 * what keeps string comparison of recorded instants correct.
 */
export class AlignmentProjection implements Projection {
  readonly name = 'alignment';
  readonly tables = ALIGNMENT_TABLES;
  readonly ddl = ALIGNMENT_DDL;
  readonly queryIndexes = ALIGNMENT_QUERY_INDEXES;
  /**
   * Bump when a handler changes the rows it writes for existing events. 2: credited hours kept per
   * day. 3: and per week and month. 4: links keep their rationale and when they were made. 5: and
   * each objective's open links are rows of their own (objective_contribution). 6: a period's
   * accounts are one row. 7: packed as one flat array.
   */
  readonly fingerprint = 'alignment@7';

  private readonly statements = perConnection(prepareStatements);
  private readonly ledgers = perConnection(CreditLedger.for);
  /** The ledger the current batch used, so that endBatch can drop its state whatever happened. */
  private inBatch: CreditLedger | null = null;

  apply(event: RecordedEvent, db: Database): void {
    const ledger = this.ledgers(db);
    this.inBatch = ledger;
    dispatch(handlers, event, { s: this.statements(db), at: event.metadata.recordedAt, ledger });
  }

  flush(db: Database): void {
    this.ledgers(db).flush();
  }

  endBatch(): void {
    this.inBatch?.clear();
    this.inBatch = null;
  }
}
