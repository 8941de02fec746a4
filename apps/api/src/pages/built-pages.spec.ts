import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultPagesDir, loadBuiltPage } from './built-pages';

describe('a built page as the service reads it', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-pages-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, body: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), body);
  };

  it('is not there until its index.html is', () => {
    write('dashboard/assets/index-a1.js', 'console.log(1)');

    expect(loadBuiltPage(dir, 'dashboard')).toBeNull();
  });

  it('holds the HTML and each asset by name, with its type, a validator, and a gzipped copy of text worth compressing', () => {
    const script = `export const figures = [${'1,'.repeat(2000)}];`;
    write('dashboard/index.html', '<!doctype html><script type="module" src="/dashboard/assets/index-a1.js"></script>');
    write('dashboard/assets/index-a1.js', script);
    write('dashboard/assets/index-b2.css', 'body{}');
    write('dashboard/assets/font-c3.woff2', Buffer.from([1, 2, 3]));

    const page = loadBuiltPage(dir, 'dashboard')!;

    expect(page.html.contentType).toBe('text/html; charset=utf-8');
    expect([...page.assets.keys()].sort()).toEqual(['font-c3.woff2', 'index-a1.js', 'index-b2.css']);
    const js = page.assets.get('index-a1.js')!;
    expect(js.contentType).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(js.gzipped!).toString()).toBe(script);
    // Too small to gain from it, or not text.
    expect(page.assets.get('index-b2.css')!.gzipped).toBeNull();
    expect(page.assets.get('font-c3.woff2')).toMatchObject({ contentType: 'font/woff2', gzipped: null });
    expect(js.etag).toMatch(/^"[\w-]{27}"$/);
    expect(js.etag).not.toBe(page.assets.get('index-b2.css')!.etag);
  });

  it('leaves out what a page never asks for: folders, hidden files, unknown types', () => {
    write('dashboard/index.html', '<!doctype html>');
    write('dashboard/assets/nested/index-a1.js', '1');
    write('dashboard/assets/.env', 'SECRET=1');
    write('dashboard/assets/notes.txt', 'hello');
    write('dashboard/assets/index-a1.js.map', '{}');

    expect([...loadBuiltPage(dir, 'dashboard')!.assets.keys()]).toEqual([]);
  });

  it('is looked for in dist/pages beside package.json, from source or built', () => {
    const root = path.resolve(__dirname, '..', '..', '..', '..');

    expect(defaultPagesDir()).toBe(path.join(root, 'dist', 'pages'));
    expect(defaultPagesDir(path.join(root, 'dist', 'apps', 'api', 'src', 'pages'))).toBe(path.join(root, 'dist', 'pages'));
  });
});
