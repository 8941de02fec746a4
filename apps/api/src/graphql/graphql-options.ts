import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { ModuleRef } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type WebSocket from 'ws';
import type { AlignmentReader, ReadModelDb } from '@throughline/read-models';
import { RequestFolds } from '../common/aggregate-loader';
import { EntityReader } from '../common/entity-reader';
import { Loaders } from '../common/loaders';
import type { GraphQLRequestContext } from '../common/request-context';
import { liveContext } from '../live/live-context';
import type { LiveSessions } from '../live/live-sessions';
import { resolveNodeIds } from '../nodes/node.types';
import { acceptSnapshotIds } from '../nodes/snapshot-args';
import { ObjectiveResolver } from '../objectives/objective.resolver';
import { directQuery, resolveDirectly } from './direct-queries';
import { formatErrors } from './error-formatter';
import { JIT } from './jit';
import { readPropertiesInline } from './property-fields';
import { requestLimits, type LimitConfig } from './request-limits';

export const GRAPHQL_PATH = '/graphql';

/** The queries read most, resolved without Nest's per-call wrapping (direct-queries.ts). */
const DIRECT_QUERIES = [
  directQuery({
    resolver: ObjectiveResolver,
    method: 'objective',
    call: (resolver, args, context) => resolver.objective(args['id'] as string, context.loaders, args['asOf'] as string | null | undefined),
  }),
];

/**
 * The types of the largest answers read most, whose objects are built whole before they are
 * answered (no promise or function in a property): compiled queries read their plain fields
 * inline (property-fields.ts).
 */
const PLAIN_ANSWERS = ['AlignmentReport', 'AlignmentBucket', 'ObjectiveHours', 'Objective', 'Metric', 'TargetRevision', 'ObjectiveClosure', 'Contribution'];

/** What GraphQL requests read through. */
export interface GraphQLReaders {
  readonly reader: EntityReader;
  readonly alignment: AlignmentReader;
  readonly readModels: ReadModelDb;
}

export const graphqlOptions = (
  { reader, alignment, readModels }: GraphQLReaders,
  config: LimitConfig,
  live: LiveSessions,
  modules: ModuleRef,
): Omit<MercuriusDriverConfig, 'driver'> => ({
  path: GRAPHQL_PATH,
  autoSchemaFile: true,
  sortSchema: true,
  // Nest would also run the introspection query over the new schema to check it (about a tenth of
  // start-up's CPU); Mercurius validates the schema when it registers it, and refuses to start on
  // an invalid one, so that check only repeats it.
  buildSchemaOptions: { skipCheck: true },
  graphiql: false,
  jit: JIT,
  // A few queries are resolved without Nest's wrapping; the plain answers' fields are read inline
  // (property-fields.ts); queries that answer one entity take the snapshot ids past answers carry
  // (nodes/snapshot-args.ts), and every entity's ids are resolved without a promise each (nodes/node.types.ts).
  transformSchema: (schema) => resolveNodeIds(acceptSnapshotIds(resolveDirectly(readPropertiesInline(schema, PLAIN_ANSWERS), modules, DIRECT_QUERIES))),
  context: (request: FastifyRequest): GraphQLRequestContext => {
    // Requests answered in this turn of the event loop read one snapshot (ReadModelDb.holdReadSnapshot).
    readModels.holdReadSnapshot();
    return {
      // The onRequest hook has authenticated every request that reaches GraphQL.
      principal: request.principal!,
      correlationId: String(request.id),
      loaders: new Loaders(reader, alignment),
      folds: new RequestFolds(),
    };
  },
  // Live updates over WebSocket (graphql-transport-ws) on the same path. A socket reaches
  // Mercurius only once LiveSessions admitted its connection_init (app.factory.ts), so its
  // session is there when the context is built.
  subscription: {
    context: (socket: WebSocket) => liveContext(live.sessionOf(socket), reader, alignment),
  },
  errorFormatter: formatErrors as unknown as MercuriusDriverConfig['errorFormatter'],
  ...requestLimits(config, () => ({ loaders: new Loaders(reader, alignment), folds: new RequestFolds() })),
});
