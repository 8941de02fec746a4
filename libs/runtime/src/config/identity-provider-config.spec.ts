import { ConfigError, loadConfig } from './app-config';

const PROVIDER = {
  PMO_JWT_ISSUER: 'https://id.org.example/realms/pmo',
  PMO_JWT_AUDIENCE: 'throughline',
  PMO_JWT_JWKS_URL: 'https://id.org.example/realms/pmo/protocol/openid-connect/certs',
};

const problem = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('identity provider configuration', () => {
  it('uses the service’s own tokens when no provider is configured', () => {
    expect(loadConfig({}).identityProvider).toBeNull();
  });

  it('takes the issuer, audience and keys, with roles and pmos claims by default', () => {
    expect(loadConfig(PROVIDER).identityProvider).toEqual({
      issuer: PROVIDER.PMO_JWT_ISSUER,
      audience: 'throughline',
      jwksUrl: PROVIDER.PMO_JWT_JWKS_URL,
      jwksCooldownSeconds: 30,
      rolesClaim: 'roles',
      pmosClaim: 'pmos',
    });
  });

  it('takes claim paths and the cooldown when given', () => {
    const config = loadConfig({
      ...PROVIDER,
      PMO_JWT_ROLES_CLAIM: 'realm_access.roles',
      PMO_JWT_PMOS_CLAIM: 'https://org.example/pmos',
      PMO_JWT_JWKS_COOLDOWN_SECONDS: '5',
    });

    expect(config.identityProvider).toMatchObject({ rolesClaim: 'realm_access.roles', pmosClaim: 'https://org.example/pmos', jwksCooldownSeconds: 5 });
  });

  it.each([
    ['only an issuer', { PMO_JWT_ISSUER: PROVIDER.PMO_JWT_ISSUER }, /^PMO_JWT_AUDIENCE, PMO_JWT_JWKS_URL: not set, but PMO_JWT_ISSUER is/],
    ['no keys', { ...PROVIDER, PMO_JWT_JWKS_URL: ' ' }, /^PMO_JWT_JWKS_URL: not set/],
    ['keys that are no URL', { ...PROVIDER, PMO_JWT_JWKS_URL: 'certs.json' }, /^PMO_JWT_JWKS_URL: "certs.json" is not a URL/],
    ['keys over plain http from afar', { ...PROVIDER, PMO_JWT_JWKS_URL: 'http://id.org.example/certs' }, /^PMO_JWT_JWKS_URL: must be https/],
    ['a claim path with an empty step', { ...PROVIDER, PMO_JWT_ROLES_CLAIM: 'realm_access..roles' }, /^PMO_JWT_ROLES_CLAIM: /],
    ['a cooldown that is no number', { ...PROVIDER, PMO_JWT_JWKS_COOLDOWN_SECONDS: 'soon' }, /^PMO_JWT_JWKS_COOLDOWN_SECONDS: /],
    ['a claim name without a provider', { PMO_JWT_ROLES_CLAIM: 'groups' }, /^PMO_JWT_ROLES_CLAIM: applies only to an identity provider/],
  ])('refuses %s', (_case, env, message) => {
    expect(problem(env)).toMatch(message);
  });

  it('accepts keys over plain http from this machine', () => {
    expect(loadConfig({ ...PROVIDER, PMO_JWT_JWKS_URL: 'http://127.0.0.1:8080/certs' }).identityProvider?.jwksUrl).toBe('http://127.0.0.1:8080/certs');
  });
});
