import { acceptsGzip, contentSecurityPolicy } from './page-headers';

describe('the Content-Security-Policy of a page', () => {
  it('allows its own origin, and WebSockets to the host it was loaded from', () => {
    const policy = contentSecurityPolicy('dashboard.example.org:8443');

    expect(policy).toContain("connect-src 'self' ws://dashboard.example.org:8443 wss://dashboard.example.org:8443");
    expect(policy).toContain("script-src 'self'");
    expect(contentSecurityPolicy('[::1]:4000')).toContain('ws://[::1]:4000');
  });

  it.each([undefined, '', 'evil.example.org; script-src *', 'a b', 'host:port'])('names no host for a Host header of %p', (host) => {
    expect(contentSecurityPolicy(host)).toContain("connect-src 'self'; ");
  });
});

describe('whether a client takes gzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['identity', false],
    ['gzip;q=0', false],
    ['deflate, gzip;q=0.000', false],
    [undefined, false],
  ])('%p → %p', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
