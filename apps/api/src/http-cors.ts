import fastifyCors from '@fastify/cors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** What a GraphQL client in a browser sends: Apollo adds its preflight and operation-name headers. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name'];
export const CORS_METHODS = ['GET', 'POST'];
/** Browsers keep a preflight's answer this long (Chrome caps it at 2 h), instead of asking before every request. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Lets pages on the configured origins call the service. Registered ahead of the authentication
 * hook: a browser sends its preflight without the Authorization header, so an allowed origin's
 * preflight is answered (204) before any token is asked for. Every other origin gets no CORS
 * header at all, not even the allowed methods, and its preflight meets the routes as any
 * request without a token does (401 on /graphql). The origin allowed is the one that asked,
 * never "*"; with no origins configured the plugin is not registered.
 */
export async function allowBrowserOrigins(app: NestFastifyApplication, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  await app.register(fastifyCors, {
    // A function rather than the list: with a list the plugin answers every origin's preflight
    // with the allowed methods and headers, only leaving out Access-Control-Allow-Origin.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
    credentials: false,
  });
}
