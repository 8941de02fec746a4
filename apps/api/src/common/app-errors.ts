/** Errors the application layer raises; the GraphQL error formatter maps each to a code. */

export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field?: string,
  ) {
    super(`${entity} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export class ForbiddenError extends Error {
  constructor(
    message: string,
    /** The permission the caller lacks, for clients to show. */
    readonly permission?: string,
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export class NotSupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSupportedError';
  }
}

/**
 * An unbounded list field asked for more items than it answers at once: the client pages through
 * the connection instead. Refused rather than cut short, so no one mistakes part for the whole.
 */
export class ResultTooLargeError extends Error {
  constructor(
    readonly field: string,
    readonly connection: string,
    readonly cap: number,
  ) {
    super(`${field} holds more than ${cap} items; page through ${connection} instead`);
    this.name = 'ResultTooLargeError';
  }
}
