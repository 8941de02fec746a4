import { startTestApp, type TestApp } from './support/test-app';

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health and, once the read models have caught up, /ready without a token', async () => {
    const health = await fetch(`${t.url}/health`);
    const ready = await fetch(`${t.url}/ready`);

    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'sqlite' });
  });

  it('refuses a forged token and a token for another data directory', async () => {
    const forged = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}x` },
      body: JSON.stringify({ query: '{ pmos { id } }' }),
    });
    const other = await startTestApp();
    try {
      const foreign = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other.admin.token}` },
        body: JSON.stringify({ query: '{ pmos { id } }' }),
      });
      expect(forged.status).toBe(401);
      expect(foreign.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
