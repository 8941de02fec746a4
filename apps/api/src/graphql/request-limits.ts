import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { AppConfig } from '@throughline/runtime';
import { aliasLimitRule } from './alias-limit.rule';
import { queryCostRule } from './query-cost.rule';
import {
  LIST_SIZE_ESTIMATE,
  MAX_ALIASES,
  MAX_ARGUMENT_LIST,
  MAX_ARGUMENT_TEXT,
  MAX_DOCUMENT_TOKENS,
  MAX_QUERY_COST,
  MAX_QUERY_DEPTH,
} from './query-limits';
import { boundedVariables, mutationRateLimit, onlyGraphQLBodies, onlyParsedDocuments } from './request-hooks';
import { SubjectRateLimiter } from './subject-rate-limiter';
import { literalSizeRule } from './value-size';
import { validateSubscription } from '../live/subscription-validation';

type LimitConfig = Pick<AppConfig, 'graphqlIntrospection' | 'mutationRateLimitPerMinute'>;

/** The validation rules every document meets beyond GraphQL's own (see query-limits.ts). */
export const validationRules = (config: Pick<AppConfig, 'graphqlIntrospection'>): ValidationRule[] => [
  aliasLimitRule(MAX_ALIASES),
  queryCostRule(MAX_QUERY_COST, LIST_SIZE_ESTIMATE),
  literalSizeRule(MAX_ARGUMENT_TEXT, MAX_ARGUMENT_LIST),
  ...(config.graphqlIntrospection ? [] : [NoSchemaIntrospectionCustomRule]),
];

/** The Mercurius options that bound what one request may ask for (see query-limits.ts). */
export const requestLimits = (config: LimitConfig): Partial<MercuriusDriverConfig> => {
  const rules = validationRules(config);
  const limiter = config.mutationRateLimitPerMinute > 0 ? new SubjectRateLimiter(config.mutationRateLimitPerMinute) : null;
  return {
    queryDepth: MAX_QUERY_DEPTH,
    validationRules: rules,
    allowBatchedQueries: false,
    graphql: { parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS } },
    additionalRouteOptions: { preParsing: onlyGraphQLBodies },
    hooks: {
      preValidation: [onlyParsedDocuments],
      // Mutations are counted before their variables are checked, so a flood of refused ones is limited too.
      preExecution: [...(limiter ? [mutationRateLimit(limiter)] : []), boundedVariables],
      // Mercurius runs a subscription's document without validating it.
      preSubscriptionExecution: [validateSubscription(rules)],
    },
  } as Partial<MercuriusDriverConfig>;
};
