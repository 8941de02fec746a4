/**
 * The alignment read model keeps every version of the facts the purpose chain is computed from,
 * each valid in recorded time from `recorded_from` (inclusive) to `recorded_to` (exclusive, NULL
 * while current). Answering "as of T" then needs no replay: a row is visible at T when
 * recorded_from <= T AND (recorded_to IS NULL OR recorded_to > T).
 */
export const ALIGNMENT_TABLES = [
  'work_version',
  'link_version',
  'activity_version',
  'objective_contribution',
  'objective_version',
  'alignment_work_day',
  'alignment_account',
  'alignment_account_history',
  'alignment_account_period',
] as const;

/**
 * Credited hours, kept as work is logged so that a report adds up a few rows per day instead of
 * crediting every entry again. All values are integer micro-hours (alignment.tally.ts), so sums
 * are exact and a report equals, to the micro-hour, the entry-by-entry crediting.
 *
 * - alignment_work_day: a PMO's non-retracted hours per activity ('' for none) and day, now: what
 *   was credited for that group, so a change of links re-credits exactly what it credited before.
 * - alignment_account: per PMO and day, now, the account '' holds the day's hours (micro) and of
 *   them the aligned ones (aligned); an objective's account holds the hours credited to it.
 *   recorded_from is when the value was recorded, so recorded time is seen never to run back;
 *   first_recorded when the account got its first value, before which it is known to hold none.
 * - alignment_account_history: every value an account took, from the recorded instant it took it
 *   (running totals, not deltas). An account's value as of T is its row with the greatest
 *   recorded_from <= T, one index seek, so a report as of any instant reads one row per account
 *   however long the history; deltas would have to be summed over the whole history instead.
 *   Values are never deleted, so alignment_account also lists every account that ever existed.
 *
 * - alignment_account_period: the present accounts summed per ISO week (granularity 'WEEK',
 *   starts_on its Monday) and per calendar month ('MONTH', its first day), whole periods only,
 *   one row per period holding all its accounts as one flat JSON array, account, micro and aligned
 *   in turn (alignment.periods.ts). A report now by week or month reads one row per period for the
 *   periods the window holds whole, and day accounts only for the clipped periods at its edges.
 *   One row per period rather than per account: handing a row to JavaScript costs more than
 *   SQLite's reading it, and a year of a 50-person office by week is 52 rows instead of about
 *   450 (a third of the time, JSON.parse included). Kept by adding each change of a day
 *   account, so no history: a report as of an instant reads the day accounts' history instead.
 *
 * Rows are written once per batch (the projection's flush), so an account touched by many events
 * of a batch is upserted once, with one history row per distinct recorded instant.
 */
const CREDIT_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS alignment_work_day (
    activity_id TEXT NOT NULL,
    worked_on TEXT NOT NULL,
    pmo_id TEXT NOT NULL,
    micro INTEGER NOT NULL,
    PRIMARY KEY (activity_id, worked_on, pmo_id)
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS alignment_account (
    pmo_id TEXT NOT NULL,
    worked_on TEXT NOT NULL,
    account TEXT NOT NULL,
    micro INTEGER NOT NULL,
    aligned INTEGER NOT NULL,
    first_recorded TEXT NOT NULL,
    recorded_from TEXT NOT NULL,
    PRIMARY KEY (pmo_id, worked_on, account)
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS alignment_account_history (
    pmo_id TEXT NOT NULL,
    worked_on TEXT NOT NULL,
    account TEXT NOT NULL,
    recorded_from TEXT NOT NULL,
    micro INTEGER NOT NULL,
    aligned INTEGER NOT NULL,
    PRIMARY KEY (pmo_id, worked_on, account, recorded_from)
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS alignment_account_period (
    pmo_id TEXT NOT NULL,
    granularity TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    accounts TEXT NOT NULL,
    PRIMARY KEY (pmo_id, granularity, starts_on)
  ) WITHOUT ROWID`,
];

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

  // link_no numbers an activity's links in the order linked: one objective may be linked, unlinked
  // and linked again, and each period is its own link. rationale and linked_at are not needed for
  // crediting; they are kept so that an objective's contributions are read from rows alone.
  `CREATE TABLE IF NOT EXISTS link_version (
    version_id INTEGER PRIMARY KEY,
    activity_id TEXT NOT NULL,
    link_no INTEGER NOT NULL,
    objective_id TEXT NOT NULL,
    weight REAL NOT NULL,
    effective_from TEXT NOT NULL,
    ended_on TEXT,
    rationale TEXT NOT NULL,
    linked_at TEXT NOT NULL,
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

  // An objective's contributions as they stand now: a row per open link, with what the link event
  // said and its activity's title, written again whenever the activity's links change. The
  // objective query reads them in list order along the primary key, with no join and no sort.
  // planned_at is when the activity was planned (its first version), what its view calls createdAt.
  `CREATE TABLE IF NOT EXISTS objective_contribution (
    objective_id TEXT NOT NULL,
    planned_at TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    link_no INTEGER NOT NULL,
    activity_title TEXT,
    rationale TEXT NOT NULL,
    weight REAL NOT NULL,
    linked_at TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    PRIMARY KEY (objective_id, planned_at, activity_id, link_no)
  ) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS objective_contribution_activity ON objective_contribution (activity_id)',

  ...CREDIT_DDL,
];

/** Indexes only reports read; the projection never looks rows up through them (Projection.queryIndexes). */
export const ALIGNMENT_QUERY_INDEXES: readonly string[] = [
  `CREATE INDEX IF NOT EXISTS work_version_activity_now
     ON work_version (activity_id, retracted, worked_on, hours, recorded_to) WHERE recorded_to IS NULL`,
  // A page of a PMO's entries in list order (day, then id) reads only the page.
  `CREATE INDEX IF NOT EXISTS work_version_pmo_day_entry_now
     ON work_version (pmo_id, worked_on, work_entry_id) WHERE recorded_to IS NULL`,
  // Day first: the 24-hour rule asks for one (person, day) pair, and appending by day keeps a rebuild
  // from rewriting a page per person in every batch.
  `CREATE INDEX IF NOT EXISTS work_version_person_day_now
     ON work_version (worked_on, person, retracted, hours, work_entry_id, recorded_to) WHERE recorded_to IS NULL`,
  // For questions as of a past instant, which must see superseded versions too.
  'CREATE INDEX IF NOT EXISTS work_version_pmo_day ON work_version (pmo_id, worked_on)',
  'CREATE INDEX IF NOT EXISTS work_version_activity ON work_version (activity_id, worked_on)',
  'CREATE INDEX IF NOT EXISTS activity_version_pmo ON activity_version (pmo_id)',
  'CREATE INDEX IF NOT EXISTS objective_version_pmo ON objective_version (pmo_id)',
  // The day accounts alone, one narrow row per PMO and day: an organisation's totals read these
  // without stepping over the objectives' accounts in between. Names `account` to count as covering.
  `CREATE INDEX IF NOT EXISTS alignment_account_day
     ON alignment_account (pmo_id, worked_on, account, micro, aligned) WHERE account = ''`,
];
