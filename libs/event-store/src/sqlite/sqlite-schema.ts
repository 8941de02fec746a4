import type Database from 'better-sqlite3';

/**
 * Migrations in order; entry i takes a file from schema version i to i + 1 (PRAGMA user_version).
 * Append new entries only: a shipped migration is never edited, since files in the field ran it.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    id             TEXT    NOT NULL UNIQUE,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE INDEX events_recorded_at ON events (recorded_at);
  CREATE TABLE commands (
    command_id    TEXT    PRIMARY KEY,
    command_hash  TEXT    NOT NULL,
    stream_id     TEXT    NOT NULL,
    from_revision INTEGER NOT NULL,
    to_revision   INTEGER NOT NULL,
    recorded_at   TEXT    NOT NULL
  );
  `,
  // Nothing read events by recorded_at alone (as-of reads filter one stream, through its
  // (stream_id, revision) index), yet every append wrote the index.
  `
  DROP INDEX IF EXISTS events_recorded_at;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the file to SCHEMA_VERSION; refuses a file written by a newer schema. */
export function migrate(db: Database.Database): void {
  const run = db.transaction(() => {
    // Read inside the write transaction, so two processes opening one new file migrate it once.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `${db.name} has event store schema version ${current}; this build knows up to ${SCHEMA_VERSION}`,
      );
    }
    for (let version = current; version < SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version]);
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  run.immediate();
}
