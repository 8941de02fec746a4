import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpTimeouts } from './config/http-timeouts';

/**
 * Node enforces the headers and request timeouts only when it checks its connections, every 30 s
 * by default: a 10 s limit would then let a request run for up to 40 s. Checking every second
 * costs a walk over the connections still receiving a request.
 */
const CONNECTION_CHECK_INTERVAL_MS = 1000;

/**
 * Fastify's server options for the timeouts. A request still arriving when one runs out is answered
 * 408 and its connection closed; an answer, once the request has arrived, takes as long as it
 * takes while something moves (the audit export streams as fast as the client reads).
 */
export const timeoutOptions = (timeouts: HttpTimeouts) => ({
  requestTimeout: timeouts.requestMs,
  connectionTimeout: timeouts.idleMs,
  keepAliveTimeout: timeouts.keepAliveMs,
  http: {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: CONNECTION_CHECK_INTERVAL_MS,
  },
});

/**
 * A request refused before its body arrived (no token, a body over the limit, the wrong content
 * type) closes its connection once answered: otherwise Node reads and discards the rest of the
 * body to keep the connection for another request, for as long as the client takes to send it.
 */
export const closeUnreadRequests = async <P>(request: FastifyRequest, reply: FastifyReply, payload: P): Promise<P> => {
  if (!request.raw.complete) reply.header('connection', 'close');
  return payload;
};
