import { type AppConfig, loadOrCreateSigningSecret, verifyToken, type TokenVerifier } from '@throughline/runtime';
import { providerTokenVerifier } from './identity-provider';

/**
 * The one way tokens are checked for a configuration: an identity provider's keys when one is
 * configured, and only then; otherwise the data directory's generated HS256 secret, which the
 * service's own tokens (`npm run token`, the admin token) are signed with.
 */
export function tokenVerifierFor(config: AppConfig): TokenVerifier {
  if (config.identityProvider) return providerTokenVerifier(config.identityProvider);
  const secret = loadOrCreateSigningSecret(config.dataDir);
  return (token) => verifyToken(secret, token);
}
