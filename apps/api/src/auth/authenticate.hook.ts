import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Principal, AuthenticationError, bearerToken, type TokenVerifier } from '@throughline/runtime';
import { isPublicPagePath } from '../pages/page-paths';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Authenticates every request to a protected route before anything else reads it: a missing,
 * expired or forged token is answered 401 with a GraphQL-shaped UNAUTHENTICATED error. The pages
 * for people (the dashboard, the GraphQL IDE) and their assets are let through whatever is
 * protected: a browser loads them without a token, and they send the token they are given with
 * each request they make. Nothing else is, by the exact paths isPublicPagePath lists.
 */
export const authenticate =
  (verify: TokenVerifier, isProtected: (request: FastifyRequest) => boolean) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (isPublicPagePath(request.url) || !isProtected(request)) return;
    try {
      request.principal = await verify(bearerToken(request.headers.authorization));
    } catch (error) {
      const message = error instanceof AuthenticationError ? error.message : 'authentication failed';
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ data: null, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };
