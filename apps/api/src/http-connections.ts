import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpTimeouts } from '@throughline/runtime';

/**
 * Node enforces the headers and request timeouts only when it checks its connections, every 30 s
 * by default: a 10 s limit would then let a request run for up to 40 s. Checking every second
 * costs a walk over the connections still receiving a request.
 */
const CONNECTION_CHECK_INTERVAL_MS = 1000;

/**
 * Fastify's server options for the timeouts, and for the connections Node gives up on. A request
 * still arriving when its time runs out is answered 408 and its connection closed; an answer, once
 * the request has arrived, takes as long as it takes while something moves (the audit export
 * streams as fast as the client reads).
 */
export const connectionOptions = (timeouts: HttpTimeouts) => ({
  clientErrorHandler: refuseBrokenConnection,
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
export const closeUnreadRequests = <P>(request: FastifyRequest, reply: FastifyReply, payload: P, done: (error: null, payload: P) => void): void => {
  if (!request.raw.complete) reply.header('connection', 'close');
  done(null, payload);
};

const REFUSALS: Readonly<Record<string, { status: string; code: string; message: string }>> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: '408 Request Timeout', code: 'REQUEST_TIMEOUT', message: 'the request took too long to arrive' },
  HPE_HEADER_OVERFLOW: { status: '431 Request Header Fields Too Large', code: 'HEADERS_TOO_LARGE', message: 'the request headers are too large' },
};
const MALFORMED = { status: '400 Bad Request', code: 'BAD_REQUEST', message: 'the request is not well-formed HTTP' };

/**
 * A connection Node gives up on: a request that ran out of time, or bytes that are not HTTP. Fastify
 * would note it at trace with a stack trace; it is a refusal like any other, so it gets one info
 * line without one, and an answer in the shape of every other error (unless one was already sent,
 * as when a request refused before its body arrived then stalls).
 */
function refuseBrokenConnection(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal = REFUSALS[error.code] ?? MALFORMED;
  this.log.info({ code: refusal.code, remoteAddress: socket.remoteAddress }, 'connection refused');
  const answered = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !answered) {
    const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
    socket.write(
      `HTTP/1.1 ${refusal.status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
