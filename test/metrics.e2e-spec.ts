import { ESTABLISH_PMO } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
const samplesOf = (text: string): Sample[] =>
  text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]));
      return { name: match[1]!, labels, value: Number(match[3]) };
    });

/** The one sample with this name and these labels (others may be present too), or undefined. */
const sample = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value))?.value;

const scrape = async (t: TestApp, token?: string) => {
  const response = await fetch(`${t.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
};

const establish = `mutation Establish($input: EstablishPmoInput!) { establishPmo(input: $input) { id } }`;

describe('Prometheus metrics', () => {
  describe('open (the default outside production)', () => {
    let t: TestApp;
    let samples: Sample[];

    beforeAll(async () => {
      t = await startTestApp();
      await t.admin.ok('query ListPmos { pmos { id } }');
      const portfolio = await t.admin.ok<{ establishPmo: { id: string } }>(establish, { input: { name: 'Group portfolio office', kind: 'PORTFOLIO' } });
      const programme = await t.admin.ok<{ establishPmo: { id: string } }>(establish, {
        input: { name: 'Digital programme office', kind: 'PROGRAMME', parentId: portfolio.establishPmo.id },
      });
      const refused = await t.admin.fails(establish, { input: { name: 'Upside down', kind: 'PORTFOLIO', parentId: programme.establishPmo.id } });
      expect(refused.extensions?.code).toBe('PMO_HIERARCHY_INVALID');
      // Unnamed, refused before GraphQL (no token) and not parsed at all.
      await t.admin.ok(ESTABLISH_PMO.replace('mutation(', 'mutation Establish('), { input: { name: 'Project office', kind: 'PROJECT' } });
      await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ pmos { id } }' }) });
      await t.admin.request('{ pmos { id ');
      await fetch(`${t.url}/no/such/page/${'x'.repeat(20)}`);
      const scraped = await scrape(t);
      expect(scraped.status).toBe(200);
      expect(scraped.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      samples = samplesOf(scraped.text);
    });
    afterAll(() => t.close());

    it('counts GraphQL operations by the name in the document and their outcome', () => {
      const count = 'throughline_graphql_operation_duration_seconds_count';

      expect(sample(samples, count, { operation: 'ListPmos', outcome: 'ok' })).toBe(1);
      expect(sample(samples, count, { operation: 'Establish', outcome: 'ok' })).toBe(3);
      expect(sample(samples, count, { operation: 'Establish', outcome: 'error' })).toBe(1);
      // The request without a token and the one that does not parse.
      expect(sample(samples, count, { operation: 'anonymous', outcome: 'refused' })).toBe(2);
      expect(sample(samples, 'throughline_graphql_operation_duration_seconds_bucket', { operation: 'ListPmos', outcome: 'ok', le: '+Inf' })).toBe(1);
    });

    it('counts commands by the code their caller was answered with', () => {
      expect(sample(samples, 'throughline_commands_total', { command: 'establishPmo', code: 'OK' })).toBe(3);
      expect(sample(samples, 'throughline_commands_total', { command: 'establishPmo', code: 'PMO_HIERARCHY_INVALID' })).toBe(1);
    });

    it('counts HTTP requests by route, never by URL', () => {
      const count = 'throughline_http_request_duration_seconds_count';

      expect(sample(samples, count, { method: 'POST', route: '/graphql', status_code: '200' })).toBe(5);
      // The document that does not parse.
      expect(sample(samples, count, { method: 'POST', route: '/graphql', status_code: '400' })).toBe(1);
      expect(sample(samples, count, { method: 'POST', route: '/graphql', status_code: '401' })).toBe(1);
      expect(sample(samples, count, { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
      expect(samples.filter((s) => s.labels.route?.includes('xxxx'))).toEqual([]);
    });

    it('times the appends and shows the read models caught up', () => {
      expect(sample(samples, 'throughline_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBe(3);
      expect(sample(samples, 'throughline_projector_lag_events')).toBe(0);
      expect(sample(samples, 'throughline_projector_lag_seconds')).toBe(0);
    });

    it('includes the process metrics', () => {
      expect(sample(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(sample(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    });

    it('keeps each instance’s metrics to itself', async () => {
      const other = await startTestApp();
      try {
        const fresh = samplesOf((await scrape(other)).text);
        expect(sample(fresh, 'throughline_commands_total', { command: 'establishPmo', code: 'OK' })).toBeUndefined();
      } finally {
        await other.close();
      }
    });
  });

  describe('with PMO_METRICS=token', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { PMO_METRICS: 'token' } });
    });
    afterAll(() => t.close());

    it('answers ADMIN and AUDITOR tokens only', async () => {
      const member = await t.client('member@test', ['MEMBER'], ['00000000-0000-4000-8000-000000000001']);
      const auditor = await t.client('auditor@test', ['AUDITOR']);

      expect((await scrape(t)).status).toBe(401);
      expect((await scrape(t, member.token!)).status).toBe(403);
      expect((await scrape(t, auditor.token!)).status).toBe(200);
      expect((await scrape(t, t.admin.token!)).text).toContain('throughline_projector_lag_events 0');
    });
  });

  describe('with PMO_METRICS=off (the default in production)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: { PMO_METRICS: 'off' } });
    });
    afterAll(() => t.close());

    it('has no /metrics, and still serves GraphQL', async () => {
      expect((await scrape(t, t.admin.token!)).status).toBe(404);
      await t.admin.ok(establish, { input: { name: 'Group portfolio office', kind: 'PORTFOLIO' } });
    });
  });
});
