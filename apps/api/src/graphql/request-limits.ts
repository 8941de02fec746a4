import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { AppConfig } from '@throughline/runtime';
import { aliasLimitRule } from './alias-limit.rule';
import { DEFAULT_PAGE, MAX_PAGE } from '../common/connections';
import { queryCostRule, requestCostCheck } from './query-cost.rule';
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

type LimitConfig = Pick<AppConfig, 'graphqlIntrospection' | 'mutationRateLimitPerMinute'>;

/** A connection costs the page it is asked for (see query-cost.rule.ts). */
const PAGE_PRICING = { defaultPage: DEFAULT_PAGE, maxPage: MAX_PAGE } as const;

/** The Mercurius options that bound what one request may ask for (see query-limits.ts). */
export const requestLimits = (config: LimitConfig): Partial<MercuriusDriverConfig> => {
  const rules: ValidationRule[] = [
    aliasLimitRule(MAX_ALIASES),
    queryCostRule(MAX_QUERY_COST, LIST_SIZE_ESTIMATE, PAGE_PRICING),
    literalSizeRule(MAX_ARGUMENT_TEXT, MAX_ARGUMENT_LIST),
    ...(config.graphqlIntrospection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
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
      // The page sizes a request sends in variables are only known here: its cost is checked again with them.
      preExecution: [...(limiter ? [mutationRateLimit(limiter)] : []), boundedVariables, requestCostCheck(MAX_QUERY_COST, LIST_SIZE_ESTIMATE, PAGE_PRICING)],
    },
  } as Partial<MercuriusDriverConfig>;
};
