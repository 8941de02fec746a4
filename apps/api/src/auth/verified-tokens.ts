import { decodeJwt } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Principal, TokenVerifier } from '@throughline/runtime';

/** A verifier that also answers at once, without a promise, for a token it has verified and still remembers. */
export type RememberingVerifier = TokenVerifier & { readonly known: (token: string) => Principal | undefined };

/** Distinct tokens remembered at once; a client keeps one token for an hour, so this covers many. */
export const REMEMBERED_TOKENS = 10_000;

/**
 * Remembers what a token proved, so a client sending the same token on every request pays for
 * its signature check once: verifying costs a key import and an HMAC (or a JWKS lookup), and
 * was the largest fixed cost of a request. The key is the whole token, signature included, so
 * a hit is a token already verified; it is forgotten at its `exp` (never later than the full
 * check would accept it) and failures are never remembered, so a bad token is checked every time.
 */
export function rememberVerified(verify: TokenVerifier, now: () => number = Date.now): RememberingVerifier {
  const verified = new LRUCache<string, Principal>({
    max: REMEMBERED_TOKENS,
    // Read the clock on every get: a token must not outlive its exp by the cache's clock resolution.
    ttlResolution: 0,
    perf: { now },
  });
  const remembering = async (token: string): Promise<Principal> => {
    const known = verified.get(token);
    if (known) return known;
    const principal = await verify(token);
    // verify required `exp`; whatever decodeJwt reads here is the claim it just checked.
    const expiresAtMs = (decodeJwt(token).exp ?? 0) * 1000;
    // The cache keeps an entry while its age is at most ttl; a token is expired from exp itself on.
    const ttl = expiresAtMs - now() - 1;
    if (ttl > 0) verified.set(token, principal, { ttl });
    return principal;
  };
  return Object.assign(remembering, { known: (token: string) => verified.get(token) });
}
