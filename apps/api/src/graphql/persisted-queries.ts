import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import type { PersistedQueryProvider } from 'mercurius';
import { InputError } from '../common/app-errors';
import { MAX_DOCUMENT_TOKENS } from './query-limits';
import { RequestRefusedError } from './request-refusal';

/** Where a request names the hash of its query (Apollo's automatic persisted queries). */
export const HASH_FIELD = 'extensions.persistedQuery.sha256Hash';

/**
 * A hash the service holds no query for. The message and code are the ones Apollo's
 * PersistedQueryLink looks for; the answer is 200, like Apollo Server's, so no client takes it
 * for a failed request, and the client then sends the text with the hash.
 */
export class PersistedQueryNotFoundError extends RequestRefusedError {
  constructor() {
    super('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', 200);
    this.name = 'PersistedQueryNotFoundError';
  }
}

/** A persisted-query protocol other than version 1: the client should stop sending hashes alone. */
export class PersistedQueryNotSupportedError extends RequestRefusedError {
  constructor() {
    super('PERSISTED_QUERY_NOT_SUPPORTED', 'PersistedQueryNotSupported', 200);
    this.name = 'PersistedQueryNotSupportedError';
  }
}

/** Codes after which the same request may succeed once the query is sent again: never cached. */
export const PERSISTED_QUERY_CODES: ReadonlySet<string> = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** The message a hash that is not the query's own is refused with (mercurius compares them). */
export const HASH_MISMATCH = `${HASH_FIELD} is not the SHA-256 of the query sent with it`;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Of = (query: string): string => createHash('sha256').update(query, 'utf8').digest('hex');

export interface PersistedRequest {
  readonly query?: unknown;
  readonly extensions?: { readonly persistedQuery?: { readonly version?: unknown; readonly sha256Hash?: unknown } | null } | null;
}

const persistedPart = (request: PersistedRequest) => request.extensions?.persistedQuery ?? null;

const carriesText = (request: PersistedRequest): boolean => typeof request.query === 'string' && request.query !== '';

/**
 * The version 1 hash a request names, lower-cased. Another version is refused when the hash is
 * all there is to run, and ignored beside the query text, which then runs as sent.
 */
const hashOf = (request: PersistedRequest): string | false => {
  const part = persistedPart(request);
  if (part?.version !== 1) {
    if (carriesText(request)) return false;
    throw new PersistedQueryNotSupportedError();
  }
  const hash = typeof part.sha256Hash === 'string' ? part.sha256Hash.toLowerCase() : '';
  if (!SHA256_HEX.test(hash)) throw new InputError(HASH_FIELD, `${HASH_FIELD} must be a SHA-256 hash: 64 hexadecimal digits`);
  return hash;
};

/**
 * Whether a document may write someone's data inline: a mutation whose arguments hold string
 * literals rather than variables. Such text is run but never kept, so a person's details sent
 * that way stay out of the service's memory once the request is answered.
 */
export const writesInlineText = (document: DocumentNode): boolean => {
  const writes = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
  if (!writes) return false;
  let found = false;
  visit(document, {
    StringValue() {
      found = true;
      return false;
    },
  });
  return found;
};

const keepable = (query: string): boolean => {
  try {
    return !writesInlineText(parse(query, { maxTokens: MAX_DOCUMENT_TOKENS }));
  } catch {
    // Mercurius has parsed and run it already; a document that does not parse again is not kept.
    return false;
  }
};

export interface PersistedQueryLimits {
  /** Queries kept at most; the least recently used goes first. */
  readonly maxQueries: number;
  /** Characters of query text kept at most, over all of them. */
  readonly maxCharacters: number;
}

/**
 * Automatic persisted queries as Apollo's PersistedQueryLink speaks them: a request may carry only
 * `extensions.persistedQuery` (version 1 and the SHA-256 of its query); the service answers from
 * the text it keeps under that hash, or PERSISTED_QUERY_NOT_FOUND, after which the client sends
 * text and hash together and the text is kept (the hash is checked against it first). Kept by
 * hash alone: variables are never kept, and the text is in memory only, gone at restart. Every
 * rule a request meets (depth, cost, aliases, sizes, the mutation rate) applies to the text
 * whichever way it arrived, since mercurius runs it like any other.
 */
/** The provider mercurius is given, every part of it there (its hash may be refused: false). */
export type AutomaticPersistedQueries = Required<Omit<PersistedQueryProvider, 'getHash' | 'isPersistedQuery' | 'isPersistedQueryRetry'>> & {
  readonly isPersistedQuery: (request: PersistedRequest) => boolean;
  readonly isPersistedQueryRetry: (request: PersistedRequest) => boolean;
  readonly getHash: (request: PersistedRequest) => string | false;
};

export const persistedQueries = (limits: PersistedQueryLimits): AutomaticPersistedQueries => {
  const texts = new LRUCache<string, string>({ max: limits.maxQueries, maxSize: limits.maxCharacters, sizeCalculation: (text) => Math.max(1, text.length) });
  return {
    isPersistedQuery: (request) => !request.query && persistedPart(request) !== null,
    isPersistedQueryRetry: (request) => carriesText(request) && persistedPart(request) !== null,
    getHash: hashOf,
    getQueryFromHash: async (hash: string) => {
      const text = texts.get(hash);
      if (text === undefined) throw new PersistedQueryNotFoundError();
      return text;
    },
    getHashForQuery: sha256Of,
    saveQuery: async (hash: string, query: string) => {
      if (query.length <= limits.maxCharacters && keepable(query)) texts.set(hash, query);
    },
    notFoundError: 'PersistedQueryNotFound',
    notSupportedError: 'PersistedQueryNotSupported',
    mismatchError: HASH_MISMATCH,
  };
};
