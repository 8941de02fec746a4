import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import type { AlignmentReader } from '@throughline/read-models';
import { RequestFolds } from '../common/aggregate-loader';
import { EntityReader } from '../common/entity-reader';
import { Loaders } from '../common/loaders';
import type { GraphQLRequestContext } from '../common/request-context';
import { acceptSnapshotIds } from '../nodes/snapshot-args';
import { formatErrors } from './error-formatter';
import { requestLimits, type LimitConfig } from './request-limits';

export const GRAPHQL_PATH = '/graphql';

export const graphqlOptions = (
  reader: EntityReader,
  alignment: AlignmentReader,
  config: LimitConfig,
): Omit<MercuriusDriverConfig, 'driver'> => ({
  path: GRAPHQL_PATH,
  autoSchemaFile: true,
  sortSchema: true,
  graphiql: false,
  // Queries that answer one entity take the snapshot ids past answers carry (nodes/snapshot-args.ts).
  transformSchema: acceptSnapshotIds,
  context: (request: FastifyRequest): GraphQLRequestContext => ({
    // The onRequest hook has authenticated every request that reaches GraphQL.
    principal: request.principal!,
    correlationId: String(request.id),
    loaders: new Loaders(reader, alignment),
    folds: new RequestFolds(),
  }),
  errorFormatter: formatErrors as unknown as MercuriusDriverConfig['errorFormatter'],
  ...requestLimits(config, () => ({ loaders: new Loaders(reader, alignment), folds: new RequestFolds() })),
});
