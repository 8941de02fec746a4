import { SignJWT } from 'jose';
import type { EventStore } from '@throughline/event-store';
import { providerTokenVerifier } from '../apps/api/src/auth/identity-provider';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { today } from './support/days';
import { GraphQLClient } from './support/graphql-client';
import { AUDIENCE, ISSUER, JwksServer, sign, signingKey, type SigningKey } from './support/identity-provider';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const ESTABLISH = `mutation($input: EstablishPmoInput!) { establishPmo(input: $input) { id } }`;
const LOG_WORK = `mutation($input: LogWorkInput!) { logWork(input: $input) { id person } }`;

describe('tokens from an identity provider', () => {
  const jwks = new JwksServer();
  let jwksUrl: string;
  let t: TestApp;
  let store: EventStore;
  let rsa: SigningKey;
  let ec: SigningKey;
  let stranger: SigningKey;
  let pmoId: string;

  const as = (token: string) => new GraphQLClient(t.url, token);

  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([signingKey('rsa-1', 'RS256'), signingKey('ec-1', 'ES256'), signingKey('rsa-1', 'RS256')]);
    jwks.keys = [rsa.jwk, ec.jwk];
    jwksUrl = await jwks.start();
    t = await startTestApp({
      env: {
        PMO_JWT_ISSUER: ISSUER,
        PMO_JWT_AUDIENCE: AUDIENCE,
        PMO_JWT_JWKS_URL: jwksUrl,
        PMO_JWT_ROLES_CLAIM: 'realm_access.roles',
        PMO_JWT_PMOS_CLAIM: 'pmo_ids',
        PMO_JWT_JWKS_COOLDOWN_SECONDS: '1',
      },
    });
    store = t.app.get(EVENT_STORE, { strict: false });
  });
  afterAll(async () => {
    await t.close();
    await jwks.stop();
  });

  it('accepts an RS256 token, reads its nested roles claim and records its subject as the actor', async () => {
    const admin = as(await sign(rsa, { sub: 'grace@org.test', roles: ['ADMIN'] }));

    pmoId = (await admin.ok(ESTABLISH, { input: { name: 'Provider office', kind: 'PROGRAMME' } })).establishPmo.id;
    const history = await admin.ok('query($id: ID!) { history(entity: { type: PMO, id: $id }) { edges { node { actor } } } }', { id: pmoId });

    expect(history.history.edges).toEqual([{ node: { actor: 'grace@org.test' } }]);
  });

  it('accepts an ES256 token and scopes its role to the PMOs in the configured claim', async () => {
    const member = as(await sign(ec, { sub: 'ada@org.test', roles: ['MEMBER'], pmos: [pmoId.toUpperCase()] }));
    const input = { pmoId, workedOn: today(), hours: 1, description: 'Risk review' };

    const own = await member.ok(LOG_WORK, { input });
    const forSomeoneElse = await member.fails(LOG_WORK, { input: { ...input, person: 'bob@org.test' } });

    expect(own.logWork.person).toBe('ada@org.test');
    expect(forSomeoneElse.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'work.record' });
  });

  it('accepts a token expired less than a minute ago: clocks may disagree that much', async () => {
    const result = await as(await sign(rsa, { expiresIn: -30 })).request('{ pmos { id } }');

    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });

  const refusals: [string, () => Promise<string>][] = [
    ['without exp', () => sign(rsa, { expiresIn: null })],
    ['expired beyond the 60 s skew', () => sign(rsa, { expiresIn: -120 })],
    ['with alg none', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'eve', realm_access: { roles: ['ADMIN'] }, iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })}.`],
    ['signed with another key under a known key id', () => sign(stranger)],
    ['signed with another key under an unknown key id', () => sign(stranger, {}, { kid: 'rsa-9' })],
    ['signed with HS256 and the public key as the secret', async () => new SignJWT({ realm_access: { roles: ['ADMIN'] } })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).setSubject('eve').setIssuer(ISSUER).setAudience(AUDIENCE).setExpirationTime('10m')
      .sign(new TextEncoder().encode(JSON.stringify(rsa.jwk)))],
    ["signed with the data directory's own secret", async () => t.admin.token as string],
    ['from another issuer', () => sign(rsa, { iss: 'https://elsewhere.test' })],
    ['for another audience', () => sign(rsa, { aud: 'another-api' })],
    ['with its payload altered after signing', async () => {
      const [header, , signature] = (await sign(rsa, { roles: ['AUDITOR'] })).split('.');
      const forged = base64url({ sub: 'ada@org.test', realm_access: { roles: ['ADMIN'] }, iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 });
      return `${header}.${forged}.${signature}`;
    }],
    ['without a subject', () => sign(rsa, { sub: '' })],
    ['with no role the service knows', () => sign(rsa, { roles: ['superuser'] })],
  ];

  it.each(refusals)('refuses a token %s with 401 UNAUTHENTICATED, changing nothing', async (_case, token) => {
    const before = await store.headPosition();

    const result = await as(await token()).request(ESTABLISH, { input: { name: 'Forged office', kind: 'PROJECT' } });

    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await store.headPosition()).toBe(before);
  });

  it('keeps the keys: tokens signed with known keys do not fetch them again', async () => {
    const before = jwks.fetches;

    for (const key of [rsa, ec, rsa, ec, rsa]) await as(await sign(key)).ok('{ pmos { id } }');

    expect(jwks.fetches).toBe(before);
  });

  it('follows a key rotation without a restart, and stops accepting the retired key', async () => {
    const rotated = await signingKey('rsa-2', 'RS256');
    jwks.keys = [rotated.jwk, ec.jwk];
    // The refetch an unknown key id triggers waits out the cooldown after the previous fetch.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const fresh = await as(await sign(rotated, { sub: 'linus@org.test' })).request('{ pmos { id } }');
    const retired = await as(await sign(rsa)).request('{ pmos { id } }');

    expect(fresh.status).toBe(200);
    expect(fresh.errors).toBeUndefined();
    expect(retired.status).toBe(401);
  });

  it('asks the provider at most once per cooldown, however many unknown key ids arrive', async () => {
    const verify = providerTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl, jwksCooldownSeconds: 30, rolesClaim: 'realm_access.roles', pmosClaim: 'pmo_ids' });
    const before = jwks.fetches;

    await verify(await sign(ec));
    const flood = await Promise.allSettled(Array.from({ length: 20 }, async (_, i) => verify(await sign(stranger, {}, { kid: `forged-${i}` }))));

    expect(flood.every((r) => r.status === 'rejected')).toBe(true);
    expect(jwks.fetches - before).toBe(1);
  });

  it('has the token command point to the provider instead of minting a token', () => {
    const result = runCli('token.ts', ['--sub', 'ada@org.test', '--role', 'ADMIN'], {
      PMO_DATA_DIR: t.dataDir,
      PMO_JWT_ISSUER: ISSUER,
      PMO_JWT_AUDIENCE: AUDIENCE,
      PMO_JWT_JWKS_URL: jwksUrl,
    });

    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`tokens come from the identity provider ${ISSUER}`);
  });
});
