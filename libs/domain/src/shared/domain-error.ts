/**
 * A command the domain refuses. `code` is stable and reaches clients as `extensions.code`;
 * `field` names the offending input field when there is one.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Invalid input that the domain itself detects (as opposed to a rule of the life cycle). */
export const badInput = (field: string, message: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, field);
