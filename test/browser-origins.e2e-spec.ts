import * as http from 'node:http';
import { startTestApp, type TestApp } from './support/test-app';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Over node:http, which sends Origin as given (fetch may treat it as the caller's own). */
const send = (url: string, method: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const request = http.request(`${url}/graphql`, { method, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });

const ALLOWED = 'https://dashboard.example.org';
const OTHER = 'https://elsewhere.example.net';
const QUERY = JSON.stringify({ query: '{ pmos { id } }' });

const preflight = (url: string, origin: string) =>
  send(url, 'OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' });

const corsHeadersOf = (answer: RawAnswer) => Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));

describe('browser clients on other origins (CORS)', () => {
  describe('with PMO_CORS_ORIGINS set', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { PMO_CORS_ORIGINS: `${ALLOWED},http://localhost:5173` } });
    });
    afterAll(() => t.close());

    it('answers an allowed origin’s preflight without a token, with what a GraphQL client sends', async () => {
      const answer = await preflight(t.url, ALLOWED);

      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(answer.headers['access-control-allow-methods']).toBe('GET, POST');
      expect(answer.headers['access-control-allow-headers']).toBe('content-type, authorization, apollo-require-preflight, x-apollo-operation-name');
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
      expect(answer.headers.vary).toMatch(/origin/i);
    });

    it('gives another origin’s preflight no CORS header, and still asks it for a token', async () => {
      const answer = await preflight(t.url, OTHER);

      expect(answer.status).toBe(401);
      expect(corsHeadersOf(answer)).toEqual([]);
    });

    it('names the allowed origin (never *) on its requests, refused or answered', async () => {
      const answered = await send(t.url, 'POST', { origin: ALLOWED, 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}` }, QUERY);
      const unauthenticated = await send(t.url, 'POST', { origin: ALLOWED, 'content-type': 'application/json' }, QUERY);
      const wrongType = await send(t.url, 'POST', { origin: ALLOWED, 'content-type': 'text/plain', authorization: `Bearer ${t.admin.token}` }, QUERY);

      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toEqual({ data: { pmos: [] } });
      expect(answered.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(answered.headers.vary).toMatch(/origin/i);
      // The refusals keep their status and become readable by the page.
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(wrongType.status).toBe(415);
      expect(wrongType.headers['access-control-allow-origin']).toBe(ALLOWED);
    });

    it('leaves the headers off another origin’s requests', async () => {
      const answer = await send(t.url, 'POST', { origin: OTHER, 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}` }, QUERY);

      expect(answer.status).toBe(200);
      expect(corsHeadersOf(answer)).toEqual([]);
    });
  });

  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('sends no CORS header, to a preflight or a request', async () => {
      const asked = await preflight(t.url, ALLOWED);
      const answered = await send(t.url, 'POST', { origin: ALLOWED, 'content-type': 'application/json', authorization: `Bearer ${t.admin.token}` }, QUERY);

      expect(asked.status).toBe(401);
      expect(corsHeadersOf(asked)).toEqual([]);
      expect(answered.status).toBe(200);
      expect(corsHeadersOf(answered)).toEqual([]);
    });
  });
});
