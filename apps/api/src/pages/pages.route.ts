import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type BuiltPage, loadBuiltPage, type PageFile } from './built-pages';
import { acceptsGzip, contentSecurityPolicy } from './page-headers';
import { type PageName } from './page-paths';

/** Hashed file names change with their content, so a browser may keep them for good. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** The page names this release's assets: a browser asks again (cheaply, by ETag) every time. */
const PAGE_CACHE = 'no-cache';
export const NOT_BUILT_MESSAGE = 'The pages are not built: run `npm run build`, then load this page again.\n';

export interface PagesOptions {
  /** Where `npm run build` wrote the pages (dist/pages). */
  readonly directory: string;
  /** Which pages to serve; a page not listed does not exist (404). */
  readonly pages: readonly PageName[];
}

/**
 * GET /<page>, /<page>/ and /<page>/assets/<file> for each page: the files `npm run build` wrote,
 * read on first use and kept. Until they are there the answer is 503 with how to build them,
 * and they are looked for again on the next request.
 */
export function servePages(fastify: FastifyInstance, options: PagesOptions): void {
  const built = new Map<PageName, BuiltPage>();
  const page = (name: PageName): BuiltPage | null => {
    const known = built.get(name);
    if (known) return known;
    const loaded = loadBuiltPage(options.directory, name);
    if (loaded) built.set(name, loaded);
    return loaded;
  };

  for (const name of options.pages) {
    const html = async (request: FastifyRequest, reply: FastifyReply) => {
      const found = page(name);
      if (!found) return notBuilt(reply);
      reply
        .header('content-security-policy', contentSecurityPolicy(request.headers.host))
        .header('referrer-policy', 'no-referrer')
        .header('cross-origin-opener-policy', 'same-origin');
      return send(request, reply, found.html, PAGE_CACHE);
    };
    fastify.get(`/${name}`, html);
    fastify.get(`/${name}/`, html);
    fastify.get<{ Params: { file: string } }>(`/${name}/assets/:file`, async (request, reply) => {
      const found = page(name);
      if (!found) return notBuilt(reply);
      const file = found.assets.get(request.params.file);
      if (!file) return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(`No such file in the ${name} page.\n`);
      return send(request, reply, file, ASSET_CACHE);
    });
  }
}

const notBuilt = (reply: FastifyReply) =>
  reply.code(503).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(NOT_BUILT_MESSAGE);

function send(request: FastifyRequest, reply: FastifyReply, file: PageFile, cacheControl: string) {
  const gzipped = file.gzipped !== null && acceptsGzip(request.headers['accept-encoding']);
  // Each encoding is a representation of its own, so each has its own strong validator.
  const etag = gzipped ? `${file.etag.slice(0, -1)}-gz"` : file.etag;
  reply.header('cache-control', cacheControl).header('etag', etag).header('x-content-type-options', 'nosniff');
  if (file.gzipped) reply.header('vary', 'accept-encoding');
  const known = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (known?.includes(etag)) return reply.code(304).send();
  reply.type(file.contentType);
  return gzipped ? reply.header('content-encoding', 'gzip').send(file.gzipped as Buffer) : reply.send(file.body);
}
