import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { isLocalDate } from '@throughline/domain';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

const parseLocalDate = (value: unknown): string => {
  if (!isLocalDate(value)) throw badInput(`${JSON.stringify(value)} is not a calendar day (YYYY-MM-DD)`);
  return value;
};

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar day, YYYY-MM-DD',
  serialize: (value) => parseLocalDate(value),
  parseValue: parseLocalDate,
  parseLiteral: (ast: ValueNode) => parseLocalDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

// Year 0000-9999, a real offset (Z or ±hh:mm): "2026-03-01T12:00:00.000Z".
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant in its one canonical spelling (UTC, milliseconds), or null when the text is not one. */
export const canonicalInstant = (value: string): string | null =>
  INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && isLocalDate(value.slice(0, 10)) ? new Date(value).toISOString() : null;

const parseInstant = (value: unknown): string => {
  const instant = typeof value === 'string' ? canonicalInstant(value) : null;
  if (instant === null) throw badInput(`${JSON.stringify(value)} is not an ISO-8601 instant with an offset`);
  return instant;
};

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with offset, e.g. 2026-03-01T12:00:00.000Z',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseInstant(value)),
  parseValue: parseInstant,
  parseLiteral: (ast: ValueNode) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const JSONScalar = new GraphQLScalarType({ ...GraphQLJSON.toConfig(), description: 'Any JSON value' });
