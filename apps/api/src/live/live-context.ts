import type { FastifyRequest } from 'fastify';
import type { AlignmentReader } from '@throughline/read-models';
import { RequestFolds } from '../common/aggregate-loader';
import type { EntityReader } from '../common/entity-reader';
import { Loaders } from '../common/loaders';
import type { GraphQLRequestContext } from '../common/request-context';
import type { LiveSession } from './live-session';

/** The GraphQL context of a subscription: the connection's caller, and what Mercurius adds. */
export interface LiveContext extends GraphQLRequestContext {
  readonly live: LiveSession;
  /** The id the client gave the subscription. */
  readonly id: string;
  /** The WebSocket's upgrade request, whose logger carries the connection's request id. */
  readonly request: FastifyRequest;
}

/** What a connection's subscriptions share, built once its connection_init is admitted. */
export const liveContext = (session: LiveSession, reader: EntityReader, alignment: AlignmentReader) => ({
  principal: session.principal,
  correlationId: session.correlationId,
  loaders: new Loaders(reader, alignment),
  folds: new RequestFolds(),
  live: session,
});

/**
 * Gives the subscription fresh loaders before each delivery is resolved. A subscription's context
 * lives as long as it does, and loaders cache what they read: nested fields (an objective's PMO,
 * its measurements) would otherwise show what the first delivery read. Mercurius resolves one
 * delivery of a subscription at a time, so replacing them between deliveries is safe.
 */
export function renewLoaders(context: LiveContext, reader: EntityReader, alignment: AlignmentReader): void {
  (context as { loaders: Loaders }).loaders = new Loaders(reader, alignment);
}
