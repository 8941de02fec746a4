/**
 * A request refused before any resolver ran, answered with its own HTTP status and client code
 * (the error formatter reads both).
 */
export class RequestRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'RequestRefusedError';
  }
}

/** Too many mutations from one subject: 429, with the seconds to wait before the next one. */
export class RateLimitedError extends RequestRefusedError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `too many mutations; try again in ${retryAfterSeconds} s`, 429);
    this.name = 'RateLimitedError';
  }
}

const CODE_FOR_STATUS: Readonly<Record<number, string>> = {
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * The 4xx status of an error Fastify or Mercurius raised about the HTTP request itself (malformed
 * JSON, a body over the limit, a mutation sent with GET), or of a RequestRefusedError; null for
 * anything else.
 */
export const clientHttpStatus = (error: unknown): number | null => {
  const status = (error as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500 ? status : null;
};

/** The client code for such a status. */
export const codeForClientStatus = (status: number): string => CODE_FOR_STATUS[status] ?? 'BAD_REQUEST';
