import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Whether the request asks to become a WebSocket. Node flags a request as an upgrade only when it
 * hands it to the server's upgrade listener (the WebSocket plugin's), never one that merely
 * carries an Upgrade header, so a plain request cannot pass for one.
 */
const isUpgrade = (request: FastifyRequest): boolean => (request.raw as { upgrade?: boolean }).upgrade === true;

/** An upgrade a WebSocket can come of: one that is a GET. */
export const isWebSocketUpgrade = (request: FastifyRequest): boolean => request.method === 'GET' && isUpgrade(request);

const sameOrigin = (origin: string, host: string | undefined): boolean => {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
};

/**
 * An onRequest hook: a browser opens a WebSocket from any page without asking CORS anything, and
 * sends the page's Origin, so the service applies PMO_CORS_ORIGINS itself. An upgrade is let
 * through with no Origin (not a browser), from the service's own origin (a page it serves) or
 * from a configured origin; any other page is refused with 403 before the socket opens.
 */
export const refuseForeignOrigins = (origins: readonly string[]) => {
  const allowed = new Set(origins);
  // A callback rather than an async hook: it runs on every request, and a promise each is a cost of its own.
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const origin = request.headers.origin;
    if (!isWebSocketUpgrade(request) || origin === undefined || allowed.has(origin) || sameOrigin(origin, request.headers.host)) return done();
    // Answered here; the request goes no further.
    reply.code(403).send({
      errors: [{ message: `pages on ${origin.slice(0, 100)} may not open live updates (PMO_CORS_ORIGINS)`, extensions: { code: 'FORBIDDEN' } }],
    });
  };
};

/**
 * An onResponse hook: an upgrade request answered over HTTP (refused, sent to a route that is not
 * a WebSocket's, or not a GET at all) leaves a socket no HTTP server watches any more, with no
 * timeout on it. It is closed once the answer is out, so upgrade requests cannot pile up open
 * sockets.
 */
export const closeAnsweredUpgrades = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
  if (isUpgrade(request)) request.raw.socket.destroy();
  done();
};
