/** A Host header as a browser sends it: a name or an address, and maybe a port. */
const HOST = /^([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/;

/**
 * What a page may load and where it may connect: its own origin only. Images and fonts may also
 * be data: URIs, which the IDE's stylesheet embeds (its fonts and icons), never anything fetched
 * from elsewhere. The live updates' WebSocket is named with the host the page was loaded from,
 * since not every browser counts ws: to the same host as 'self'; a Host header that is not a
 * plain host name leaves just 'self'.
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host !== undefined && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether a client takes a gzipped answer: `gzip` (or `*`) in Accept-Encoding with a weight above 0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().toLowerCase().split(';');
    if (coding?.trim() !== 'gzip' && coding?.trim() !== '*') return false;
    const weight = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return weight === undefined || Number(weight.slice(2)) > 0;
  });
}
