/**
 * Live updates with an identity provider: a WebSocket's connection_init is checked against the
 * provider's published keys exactly as an HTTP request's header is, and nothing else is accepted.
 */
import { eventually } from './support/eventually';
import { LiveClient, openSubscriptions } from './support/live-client';
import { AUDIENCE, ISSUER, JwksServer, sign, signingKey, type SigningKey } from './support/identity-provider';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

const EVENTS = `subscription { eventRecorded { type actor } }`;

describe('live updates with tokens from an identity provider', () => {
  const jwks = new JwksServer();
  const clients: LiveClient[] = [];
  let t: TestApp;
  let key: SigningKey;

  const live = (token: string) => {
    const client = LiveClient.bearer(t.url, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    key = await signingKey('rsa-1', 'RS256');
    jwks.keys = [key.jwk];
    t = await startTestApp({
      env: { PMO_JWT_ISSUER: ISSUER, PMO_JWT_AUDIENCE: AUDIENCE, PMO_JWT_JWKS_URL: await jwks.start(), PMO_JWT_ROLES_CLAIM: 'realm_access.roles', PMO_JWT_PMOS_CLAIM: 'pmo_ids' },
    });
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await t.close();
    await jwks.stop();
  });

  it("admits a token the provider signed, and delivers to it what another of the provider's callers records", async () => {
    const events = live(await sign(key, { sub: 'sam@org.test', roles: ['AUDITOR'] })).follow<{ type: string; actor: string }>(EVENTS);
    const admin = await sign(key, { sub: 'grace@org.test', roles: ['ADMIN'] });

    await eventually(async () => ((await openSubscriptions(t.url, 'eventRecorded')) === 1 ? true : null));

    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: 'mutation { establishPmo(input: { name: "Provider office", kind: PORTFOLIO }) { id } }' }),
    });

    expect(response.status).toBe(200);
    await events.atLeast(1);
    expect(events.values[0]).toEqual({ type: 'PmoEstablished', actor: 'grace@org.test' });
  });

  it("closes with 4403 a connection whose token the provider did not sign, the service's own kind included", async () => {
    const stranger = await signingKey('rsa-1', 'RS256');
    const forged = live(await sign(stranger, { roles: ['ADMIN'] }));
    const ownKind = live(t.admin.token as string);

    forged.follow(EVENTS);
    ownKind.follow(EVENTS);

    expect(await forged.closed()).toMatchObject({ code: 4403, reason: expect.stringMatching(/^Forbidden: /) });
    expect(await ownKind.closed()).toMatchObject({ code: 4403, reason: expect.stringMatching(/^Forbidden: /) });
  });
});
