import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ASSET_NAME, type PageName } from './page-paths';

/** One file of a built page, read once and kept: the pages are small and never change while the service runs. */
export interface PageFile {
  readonly body: Buffer;
  /** The body gzipped, for text worth compressing; null otherwise. */
  readonly gzipped: Buffer | null;
  readonly contentType: string;
  readonly etag: string;
}

export interface BuiltPage {
  readonly html: PageFile;
  /** By file name, as the page's HTML and scripts ask for them under assets/. */
  readonly assets: ReadonlyMap<string, PageFile>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg']);
/** Below this a gzipped copy saves less than its headers cost. */
const GZIP_FROM_BYTES = 1024;

const pageFile = (file: string): PageFile | null => {
  const extension = path.extname(file);
  const contentType = CONTENT_TYPES[extension];
  if (!contentType) return null;
  const body = fs.readFileSync(file);
  return {
    body,
    gzipped: COMPRESSIBLE.has(extension) && body.length >= GZIP_FROM_BYTES ? gzipSync(body, { level: 9 }) : null,
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
};

/**
 * A page as `npm run build` left it in `<pagesDir>/<name>`: index.html and the hashed files under
 * assets/. Null when it has not been built, so the service can say so rather than fail to start
 * (it may be run from source for its API alone).
 */
export function loadBuiltPage(pagesDir: string, name: PageName): BuiltPage | null {
  const dir = path.join(pagesDir, name);
  const htmlPath = path.join(dir, 'index.html');
  if (!fs.existsSync(htmlPath)) return null;
  const assets = new Map<string, PageFile>();
  const assetsDir = path.join(dir, 'assets');
  const entries = fs.existsSync(assetsDir) ? fs.readdirSync(assetsDir, { withFileTypes: true }) : [];
  for (const entry of entries) {
    if (!entry.isFile() || !ASSET_NAME.test(entry.name)) continue;
    const file = pageFile(path.join(assetsDir, entry.name));
    if (file) assets.set(entry.name, file);
  }
  return { html: pageFile(htmlPath) as PageFile, assets };
}

/**
 * Where `npm run build` writes the pages: dist/pages beside package.json, found from this file
 * whether it runs from source (apps/api/src/pages) or built (dist/apps/api/src/pages).
 */
export function defaultPagesDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'pages');
    if (path.dirname(dir) === dir) return path.join(process.cwd(), 'dist', 'pages');
  }
}
