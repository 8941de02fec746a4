import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { PersistedQueryProvider } from 'mercurius';
import type { AppConfig } from '@throughline/runtime';
import { aliasLimitRule } from './alias-limit.rule';
import { DEFAULT_PAGE, MAX_PAGE } from '../common/connections';
import type { GraphQLRequestContext } from '../common/request-context';
import { batchesUpTo, ownStatePerOperation } from './batches';
import { persistedQueries } from './persisted-queries';
import { queryCostRule, requestCostCheck } from './query-cost.rule';
import {
  LIST_SIZE_ESTIMATE,
  MAX_ALIASES,
  MAX_ARGUMENT_LIST,
  MAX_ARGUMENT_TEXT,
  MAX_DOCUMENT_TOKENS,
  MAX_PERSISTED_QUERIES,
  MAX_PERSISTED_QUERY_CHARACTERS,
  MAX_QUERY_COST,
  MAX_QUERY_DEPTH,
} from './query-limits';
import { beforeExecution, boundedVariables, mutationRateLimit, onlyGraphQLBodies, onlyParsedDocuments } from './request-hooks';
import { SubjectRateLimiter } from './subject-rate-limiter';
import { literalSizeRule } from './value-size';
import { validateSubscription } from '../live/subscription-validation';

export type LimitConfig = Pick<AppConfig, 'graphqlIntrospection' | 'mutationRateLimitPerMinute' | 'graphqlBatchMax'>;

/** A connection costs the page it is asked for (see query-cost.rule.ts). */
const PAGE_PRICING = { defaultPage: DEFAULT_PAGE, maxPage: MAX_PAGE } as const;

/** The validation rules every document meets beyond GraphQL's own (see query-limits.ts). */
export const validationRules = (config: Pick<AppConfig, 'graphqlIntrospection'>): ValidationRule[] => [
  aliasLimitRule(MAX_ALIASES),
  queryCostRule(MAX_QUERY_COST, LIST_SIZE_ESTIMATE, PAGE_PRICING),
  literalSizeRule(MAX_ARGUMENT_TEXT, MAX_ARGUMENT_LIST),
  ...(config.graphqlIntrospection ? [] : [NoSchemaIntrospectionCustomRule]),
];

/**
 * The Mercurius options that bound what one request may ask for (see query-limits.ts), and how it
 * may arrive: alone, by the hash of a persisted query, or in a batch. Each operation of a batch
 * meets every rule alone, with state of its own (`fresh`).
 */
export const requestLimits = (config: LimitConfig, fresh: () => Pick<GraphQLRequestContext, 'loaders' | 'folds'>): Partial<MercuriusDriverConfig> => {
  const rules = validationRules(config);
  const limiter = config.mutationRateLimitPerMinute > 0 ? new SubjectRateLimiter(config.mutationRateLimitPerMinute) : null;
  return {
    queryDepth: MAX_QUERY_DEPTH,
    validationRules: rules,
    // Always on, so a refused batch gets a clear answer from batchesUpTo rather than a schema error.
    allowBatchedQueries: true,
    // Its getHash may answer false, as mercurius allows and its type leaves out.
    persistedQueryProvider: persistedQueries({ maxQueries: MAX_PERSISTED_QUERIES, maxCharacters: MAX_PERSISTED_QUERY_CHARACTERS }) as unknown as PersistedQueryProvider,
    graphql: { parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS } },
    additionalRouteOptions: { preParsing: onlyGraphQLBodies, preValidation: batchesUpTo(config.graphqlBatchMax) },
    hooks: {
      preValidation: [onlyParsedDocuments],
      // Mutations are counted before their variables are checked, so a flood of refused ones is limited too.
      // The page sizes a request sends in variables are only known here: its cost is checked again with them.
      preExecution: [
        beforeExecution([
          ownStatePerOperation(fresh),
          ...(limiter ? [mutationRateLimit(limiter)] : []),
          boundedVariables,
          requestCostCheck(MAX_QUERY_COST, LIST_SIZE_ESTIMATE, PAGE_PRICING),
        ]),
      ],
      // Mercurius runs a subscription's document without validating it.
      preSubscriptionExecution: [validateSubscription(rules)],
    },
  } as Partial<MercuriusDriverConfig>;
};
