import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PAGES_DIR } from './support/built-pages';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

/** The asset files a built page's HTML names, as the browser would ask for them. */
const assetsNamed = (html: string): string[] => [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]!);
/** Anything in HTML or CSS that would make the browser fetch from another origin. */
const EXTERNAL_REFERENCE = /(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import\s+["']?(?:https?:)?\/\//i;

describe('the pages the service serves itself', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the dashboard without a token, never cached without asking, with a same-origin Content-Security-Policy', async () => {
    const response = await fetch(`${t.url}/dashboard`);
    const host = new URL(t.url).host;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        `connect-src 'self' ws://${host} wss://${host}`,
        "object-src 'none'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(await response.text()).toContain('<div id="root">');
    expect((await fetch(`${t.url}/dashboard/`)).status).toBe(200);
  });

  it('answers a page asked again with its ETag 304, and HEAD with the headers alone', async () => {
    const first = await fetch(`${t.url}/dashboard`);
    const again = await fetch(`${t.url}/dashboard`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    const head = await fetch(`${t.url}/graphiql`, { method: 'HEAD' });

    expect(first.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(again.status).toBe(304);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
  });

  it('serves every asset a page names for good, gzipped to whoever takes it', async () => {
    for (const page of ['dashboard', 'graphiql']) {
      const html = await (await fetch(`${t.url}/${page}`)).text();
      const assets = assetsNamed(html).filter((name) => name.startsWith(`/${page}/assets/`));
      expect(assets.length).toBeGreaterThanOrEqual(2);
      for (const asset of assets) {
        const plain = await fetch(`${t.url}${asset}`, { headers: { 'accept-encoding': 'identity' } });
        const body = Buffer.from(await plain.arrayBuffer());
        expect({ asset, status: plain.status, cache: plain.headers.get('cache-control') }).toEqual({
          asset,
          status: 200,
          cache: 'public, max-age=31536000, immutable',
        });
        expect(plain.headers.get('content-type')).toMatch(/^(text\/javascript|text\/css); charset=utf-8$/);
        // Buffers compared whole: jest's toEqual walks a megabyte byte by byte.
        expect(body.equals(fs.readFileSync(path.join(PAGES_DIR, asset.slice(1))))).toBe(true);

        // Node's fetch would unzip it: a raw request shows what travels.
        const zipped = await rawGet(`${t.url}${asset}`, { 'accept-encoding': 'gzip' });
        expect(zipped.headers['content-encoding']).toBe('gzip');
        expect(zipped.headers.vary).toBe('accept-encoding');
        expect(gunzipSync(zipped.body).equals(body)).toBe(true);
        expect(zipped.headers.etag).not.toBe(plain.headers.get('etag'));
      }
    }
  });

  it('loads nothing from another origin: no external URL in the HTML or the stylesheets, no script imported from elsewhere', () => {
    for (const page of ['dashboard', 'graphiql']) {
      const dir = path.join(PAGES_DIR, page);
      const files = ['index.html', ...fs.readdirSync(path.join(dir, 'assets')).map((name) => `assets/${name}`)];
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        if (file.endsWith('.html') || file.endsWith('.css')) expect({ file, external: EXTERNAL_REFERENCE.exec(text)?.[0] ?? null }).toEqual({ file, external: null });
        if (file.endsWith('.js')) expect({ file, imported: /\bimport\s*\(?\s*["'`](?:https?:)?\/\//.exec(text)?.[0] ?? null }).toEqual({ file, imported: null });
      }
    }
  });

  it('serves nothing else under a page: unknown files, folders and ways out of assets/ are 404', async () => {
    const paths = [
      '/dashboard/assets/no-such-file.js',
      '/dashboard/assets/..%2F..%2F..%2Fpackage.json',
      '/dashboard/assets/%2e%2e/index.html',
      '/dashboard/index.html',
      '/dashboard/graphql',
      '/graphiql/assets/../../package.json',
    ];
    for (const url of paths) {
      const response = await fetch(`${t.url}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
      expect(await response.text()).not.toContain('"name": "throughline"');
    }
  });

  it('still asks for a token everywhere else', async () => {
    const graphql = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ pmos { id } }"}' });
    const exported = await fetch(`${t.url}/export/audit.ndjson`);

    expect(graphql.status).toBe(401);
    expect(exported.status).toBe(401);
  });
});

describe('the GraphQL IDE page', () => {
  it('is off in production, unless PMO_GRAPHIQL=true, while the dashboard stays', async () => {
    const production = await startTestApp({ env: { NODE_ENV: 'production' } });
    const opened = await startTestApp({ env: { NODE_ENV: 'production', PMO_GRAPHIQL: 'true' } });
    try {
      expect((await fetch(`${production.url}/graphiql`)).status).toBe(404);
      expect((await fetch(`${production.url}/dashboard`)).status).toBe(200);
      expect((await fetch(`${opened.url}/graphiql`)).status).toBe(200);
    } finally {
      await production.close();
      await opened.close();
    }
  });
});

describe('a service started without its pages built', () => {
  it('answers the pages 503 with one line saying to run npm run build, and serves the API as usual', async () => {
    const empty = tempDataDir();
    const t = await startTestApp({ pagesDir: empty });
    try {
      for (const url of ['/dashboard', '/graphiql', '/dashboard/assets/index-abc.js']) {
        const response = await fetch(`${t.url}${url}`);
        const text = await response.text();
        expect({ url, status: response.status }).toEqual({ url, status: 503 });
        expect(text).toBe('The pages are not built: run `npm run build`, then load this page again.\n');
        expect(response.headers.get('cache-control')).toBe('no-store');
      }
      await t.admin.ok('{ pmos { id } }');
    } finally {
      await t.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

/** A GET whose answer is not decoded on the way, as fetch would. */
async function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
