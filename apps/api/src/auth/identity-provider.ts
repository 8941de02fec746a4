import { createRemoteJWKSet, jwtVerify } from 'jose';
import { type IdentityProviderConfig, authenticationFailure, CLOCK_TOLERANCE_SECONDS, principalOf, type TokenVerifier } from '@throughline/runtime';

/** The asymmetric algorithms accepted from a provider; never HS*, never `none`. */
export const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];

/** How long keys are trusted without asking the provider again, even when every key id is known. */
const KEYS_MAX_AGE_MS = 10 * 60 * 1000;
const KEYS_FETCH_TIMEOUT_MS = 5000;

/**
 * Verifies tokens an identity provider signed, against the public keys it publishes (JWKS).
 * The keys are cached; a token with a key id not in the cache makes the keys be fetched again
 * (the provider rotated them), at most once per cooldown, so a flood of forged key ids cannot
 * turn into a flood of requests to the provider.
 */
export function providerTokenVerifier(provider: IdentityProviderConfig): TokenVerifier {
  const keys = createRemoteJWKSet(new URL(provider.jwksUrl), {
    cooldownDuration: provider.jwksCooldownSeconds * 1000,
    cacheMaxAge: KEYS_MAX_AGE_MS,
    timeoutDuration: KEYS_FETCH_TIMEOUT_MS,
  });
  const claims = { roles: provider.rolesClaim, pmos: provider.pmosClaim };
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: PROVIDER_ALGORITHMS,
        issuer: provider.issuer,
        audience: provider.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return principalOf(payload, claims);
    } catch (error) {
      throw authenticationFailure(error);
    }
  };
}
