import { ConfigError } from './config-error';

/**
 * PMO_CORS_ORIGINS: the browser origins (scheme, host and port, as a browser sends them in its
 * Origin header) whose pages may call the service. Exact origins only: a wildcard would let any
 * page drive the API with a token it got hold of, and a path or trailing slash never matches an
 * Origin header, so it is refused rather than silently ignored.
 */
export function corsOrigins(env: NodeJS.ProcessEnv): readonly string[] {
  const raw = env.PMO_CORS_ORIGINS?.trim();
  if (!raw) return [];
  const origins = raw.split(',').map((entry) => entry.trim());
  for (const origin of origins) {
    if (origin === '') throw new ConfigError('PMO_CORS_ORIGINS', `"${raw}" has an empty entry; list origins separated by commas`);
    if (origin.includes('*')) throw new ConfigError('PMO_CORS_ORIGINS', `"${origin}" is a wildcard; list each origin exactly (https://app.example.org)`);
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new ConfigError('PMO_CORS_ORIGINS', `"${origin}" is not an origin (https://app.example.org)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConfigError('PMO_CORS_ORIGINS', `"${origin}" is not an http or https origin`);
    }
    // URL normalises (lower-cases the host, drops a default port): the entry must already be in
    // the form a browser sends, or it would never match.
    if (url.origin !== origin) {
      throw new ConfigError('PMO_CORS_ORIGINS', `"${origin}" is not an exact origin: write it as "${url.origin}" (no path, no trailing slash)`);
    }
  }
  return [...new Set(origins)];
}
