import { GraphQLError } from 'graphql';
import { mapError } from '../graphql/error-mapping';

/** OK, or the code the client is answered with for this error (CONFLICT, NOT_FOUND, a domain rule...). */
export const outcomeCode = (error: unknown): string => {
  if (!(error instanceof Error)) return 'INTERNAL_SERVER_ERROR';
  // The same mapping the answer goes through, so the metric and the client agree on the code.
  return mapError(new GraphQLError(error.message, { originalError: error }), '').extensions.code;
};
export const OK = 'OK';
