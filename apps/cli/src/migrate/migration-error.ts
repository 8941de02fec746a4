/**
 * A migration that cannot go on: the target conflicts with the source, a store cannot be reached,
 * or the copy does not verify. The message says what to do; the command exits 1.
 */
export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** The command line or the environment is wrong; nothing was read or written. The command exits 2. */
export class MigrationUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationUsageError';
  }
}
