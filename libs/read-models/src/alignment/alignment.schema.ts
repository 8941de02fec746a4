/**
 * The alignment read model keeps every version of the facts the purpose chain is computed from,
 * each valid in recorded time from `recorded_from` (inclusive) to `recorded_to` (exclusive, NULL
 * while current). Answering "as of T" then needs no replay: a row is visible at T when
 * recorded_from <= T AND (recorded_to IS NULL OR recorded_to > T).
 */
export const ALIGNMENT_TABLES = ['work_version', 'link_version', 'activity_version', 'objective_version'] as const;

export const ALIGNMENT_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS work_version (
    version_id INTEGER PRIMARY KEY,
    work_entry_id TEXT NOT NULL,
    pmo_id TEXT NOT NULL,
    person TEXT NOT NULL,
    worked_on TEXT NOT NULL,
    hours REAL NOT NULL,
    activity_id TEXT,
    retracted INTEGER NOT NULL,
    recorded_from TEXT NOT NULL,
    recorded_to TEXT
  )`,
  // Also finds the current version while projecting: an entry has only a handful of versions.
  'CREATE UNIQUE INDEX IF NOT EXISTS work_version_entry ON work_version (work_entry_id, recorded_from)',
  // Partial and covering, so reports on the present read neither old versions nor the table.
  // recorded_to is always NULL in them, but SQLite only counts an index as covering when it holds
  // every column the query names, the one its WHERE clause repeats included.
  `CREATE INDEX IF NOT EXISTS work_version_pmo_day_now
     ON work_version (pmo_id, worked_on, activity_id, retracted, hours, recorded_to) WHERE recorded_to IS NULL`,
  `CREATE INDEX IF NOT EXISTS work_version_activity_now
     ON work_version (activity_id, retracted, worked_on, hours, recorded_to) WHERE recorded_to IS NULL`,
  // Day first: the 24-hour rule asks for one (person, day) pair, and appending by day keeps a rebuild
  // from rewriting a page per person in every batch.
  `CREATE INDEX IF NOT EXISTS work_version_person_day_now
     ON work_version (worked_on, person, retracted, hours, work_entry_id, recorded_to) WHERE recorded_to IS NULL`,
  // For questions as of a past instant, which must see superseded versions too.
  'CREATE INDEX IF NOT EXISTS work_version_pmo_day ON work_version (pmo_id, worked_on)',
  'CREATE INDEX IF NOT EXISTS work_version_activity ON work_version (activity_id, worked_on)',

  // link_no numbers an activity's links in the order linked: one objective may be linked, unlinked
  // and linked again, and each period is its own link.
  `CREATE TABLE IF NOT EXISTS link_version (
    version_id INTEGER PRIMARY KEY,
    activity_id TEXT NOT NULL,
    link_no INTEGER NOT NULL,
    objective_id TEXT NOT NULL,
    weight REAL NOT NULL,
    effective_from TEXT NOT NULL,
    ended_on TEXT,
    recorded_from TEXT NOT NULL,
    recorded_to TEXT
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS link_version_link ON link_version (activity_id, link_no, recorded_from)',
  'CREATE INDEX IF NOT EXISTS link_version_objective ON link_version (objective_id)',

  `CREATE TABLE IF NOT EXISTS activity_version (
    version_id INTEGER PRIMARY KEY,
    activity_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    pmo_id TEXT NOT NULL,
    title TEXT,
    status TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    recorded_from TEXT NOT NULL,
    recorded_to TEXT
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS activity_version_activity ON activity_version (activity_id, recorded_from)',
  'CREATE INDEX IF NOT EXISTS activity_version_pmo ON activity_version (pmo_id)',

  `CREATE TABLE IF NOT EXISTS objective_version (
    version_id INTEGER PRIMARY KEY,
    objective_id TEXT NOT NULL,
    pmo_id TEXT NOT NULL,
    status TEXT NOT NULL,
    closed_on TEXT,
    recorded_from TEXT NOT NULL,
    recorded_to TEXT
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS objective_version_objective ON objective_version (objective_id, recorded_from)',
  'CREATE INDEX IF NOT EXISTS objective_version_pmo ON objective_version (pmo_id)',
];
