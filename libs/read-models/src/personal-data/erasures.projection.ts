import type { Database } from 'better-sqlite3';
import { erasedSubjects, type ErasureEventRules, type RecordedEvent } from '@throughline/event-store';
import { perConnection, type Projection } from '../projection';
import { ReadModelDb } from '../read-model-db';

export const PERSONAL_DATA_ERASURES_TABLE = 'personal_data_erasures';

/**
 * Every subject whose personal data an event erased, with where and when. It holds ids only,
 * never personal data. Each erasure applied is also handed to `onErased` (inside the batch, in feed
 * order): the API forgets the subject's key there, on every instance, and destroys it again. The
 * rows let a start re-run every erasure (idempotent), so one recorded just before a crash, whose
 * key was not destroyed yet, is finished.
 */
export class PersonalDataErasuresProjection implements Projection {
  readonly name = PERSONAL_DATA_ERASURES_TABLE;
  readonly tables = [PERSONAL_DATA_ERASURES_TABLE];
  readonly ddl = [
    `CREATE TABLE IF NOT EXISTS ${PERSONAL_DATA_ERASURES_TABLE} (
      subject_id  TEXT PRIMARY KEY,
      position    TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) WITHOUT ROWID`,
  ];
  /** Which event types erase: a new one makes the next start rebuild, so earlier such events are found. */
  readonly fingerprint: string;

  private readonly insert = perConnection((db: Database) =>
    db.prepare<[string, string, string]>(`INSERT OR IGNORE INTO ${PERSONAL_DATA_ERASURES_TABLE} (subject_id, position, recorded_at) VALUES (?, ?, ?)`),
  );

  constructor(
    private readonly rules: ErasureEventRules,
    private readonly onErased: (subjectId: string) => void = () => undefined,
  ) {
    this.fingerprint = JSON.stringify(Object.keys(rules).sort());
  }

  apply(event: RecordedEvent, db: Database): void {
    for (const subject of erasedSubjects(this.rules, event.type, event.data)) {
      this.insert(db).run(subject, event.position.toString(), event.metadata.recordedAt);
      this.onErased(subject);
    }
  }
}

/** The subjects erased so far, as the read model has them. */
export function erasedSubjectIds(db: Database | ReadModelDb): string[] {
  const connection = db instanceof ReadModelDb ? db.connection : db;
  return connection
    .prepare<[], { subject_id: string }>(`SELECT subject_id FROM ${PERSONAL_DATA_ERASURES_TABLE} ORDER BY length(position), position`)
    .all()
    .map((row) => row.subject_id);
}
