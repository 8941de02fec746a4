import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { type Principal, AuthenticationError, bearerToken, type TokenVerifier } from '@throughline/runtime';
import { isPublicPagePath } from '../pages/page-paths';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** A verifier, and where it has one, its answer for a token it already verified (rememberVerified). */
type Verifier = TokenVerifier & { readonly known?: (token: string) => Principal | undefined };

const refuse = (reply: FastifyReply, error: unknown): void => {
  const message = error instanceof AuthenticationError ? error.message : 'authentication failed';
  void reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .send({ data: null, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
};

/**
 * Authenticates every request to a protected route before anything else reads it: a missing,
 * expired or forged token is answered 401 with a GraphQL-shaped UNAUTHENTICATED error. The pages
 * for people (the dashboard, the GraphQL IDE) and their assets are let through whatever is
 * protected: a browser loads them without a token, and they send the token they are given with
 * each request they make. Nothing else is, by the exact paths isPublicPagePath lists.
 *
 * A callback, not an async hook: a client sends the same token on every request, and a token
 * already verified is let through in the same tick, without the promises an async hook and an
 * async verifier would cost each request. A refused request is answered here and goes no further
 * (Fastify's callback hooks do not call `done` once they reply).
 */
export const authenticate =
  (verify: Verifier, isProtected: (request: FastifyRequest) => boolean) =>
  (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (isPublicPagePath(request.url) || !isProtected(request)) return done();
    let token: string;
    try {
      token = bearerToken(request.headers.authorization);
    } catch (error) {
      return refuse(reply, error);
    }
    const known = verify.known?.(token);
    if (known) {
      request.principal = known;
      return done();
    }
    verify(token).then(
      (principal) => {
        request.principal = principal;
        done();
      },
      (error: unknown) => refuse(reply, error),
    );
  };
