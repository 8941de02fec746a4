import { type AppConfig, loadOrCreateSigningSecret, verifyToken } from '@throughline/runtime';
import { providerTokenVerifier } from './identity-provider';
import { type RememberingVerifier, rememberVerified } from './verified-tokens';

/**
 * The one way tokens are checked for a configuration: an identity provider's keys when one is
 * configured, and only then; otherwise the data directory's generated HS256 secret, which the
 * service's own tokens (`npm run token`, the admin token) are signed with. Either way a token
 * once verified is remembered until it expires.
 */
export function tokenVerifierFor(config: AppConfig): RememberingVerifier {
  if (config.identityProvider) return rememberVerified(providerTokenVerifier(config.identityProvider));
  const secret = loadOrCreateSigningSecret(config.dataDir);
  return rememberVerified((token) => verifyToken(secret, token));
}
