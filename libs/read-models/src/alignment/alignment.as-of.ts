import type { Database, Statement } from 'better-sqlite3';

/** A recorded instant to answer as of; null or absent for the present. */
export type AsOf = string | null | undefined;

/**
 * Recorded instants are compared as strings, which is only sound in the form the store writes
 * (ISO-8601 UTC with milliseconds): `2026-03-01T10:00:00+01:00` must become
 * `2026-03-01T09:00:00.000Z` before it meets a stored value.
 */
export const normaliseAsOf = (asOf: AsOf): string | null => {
  if (asOf === null || asOf === undefined) return null;
  const time = Date.parse(asOf);
  if (Number.isNaN(time)) throw new RangeError(`asOf ${asOf} is not an ISO-8601 instant`);
  return new Date(time).toISOString();
};

/**
 * The condition for the versions of `alias` visible at @asOf, or the current ones. The present is
 * spelt `recorded_to IS NULL` so that the partial indexes on current rows apply.
 */
export const visible = (alias: string, asOf: string | null): string =>
  asOf === null
    ? `${alias}.recorded_to IS NULL`
    : `${alias}.recorded_from <= @asOf AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @asOf)`;

/**
 * Statements prepared on first use: each query comes in a present and an as-of form (and some in
 * a few filter shapes), of which a process usually needs only some.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  get<R>(key: string, sql: () => string): Statement<[Record<string, unknown>], R> {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      this.statements.set(key, statement);
    }
    return statement as Statement<[Record<string, unknown>], R>;
  }

  /** The same, answering rows as arrays of their columns. */
  raw<R extends unknown[]>(key: string, sql: () => string): Statement<[Record<string, unknown>], R> {
    return this.get<R>(`raw:${key}`, () => sql()).raw(true) as unknown as Statement<[Record<string, unknown>], R>;
  }
}
