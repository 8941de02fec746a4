import { loadConfig } from './app-config';
import { DEFAULT_HTTP_TIMEOUTS } from './http-timeouts';

describe('the HTTP timeouts in the configuration', () => {
  it('bounds every wait on a client by default', () => {
    expect(loadConfig({}).httpTimeouts).toEqual({ headersMs: 10_000, requestMs: 30_000, idleMs: 60_000, keepAliveMs: 72_000 });
    expect(DEFAULT_HTTP_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_HTTP_TIMEOUTS.requestMs);
  });

  it('takes each from its own variable', () => {
    const env = { PMO_HEADERS_TIMEOUT_MS: '2000', PMO_REQUEST_TIMEOUT_MS: '5000', PMO_IDLE_TIMEOUT_MS: '7000', PMO_KEEP_ALIVE_TIMEOUT_MS: ' 1500 ' };

    expect(loadConfig(env).httpTimeouts).toEqual({ headersMs: 2000, requestMs: 5000, idleMs: 7000, keepAliveMs: 1500 });
  });

  it.each([
    ['PMO_REQUEST_TIMEOUT_MS', '0'],
    ['PMO_REQUEST_TIMEOUT_MS', '1.5'],
    ['PMO_HEADERS_TIMEOUT_MS', '-1'],
    ['PMO_IDLE_TIMEOUT_MS', 'forever'],
    ['PMO_KEEP_ALIVE_TIMEOUT_MS', '3600001'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ PMO_HEADERS_TIMEOUT_MS: '1', [name]: value })).toThrow(
      `${name}: "${value}" is not a whole number of milliseconds from 1 to 3600000`,
    );
  });

  it('refuses a wait for the headers longer than the wait for the whole request', () => {
    expect(() => loadConfig({ PMO_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      'PMO_HEADERS_TIMEOUT_MS: 40000 is longer than PMO_REQUEST_TIMEOUT_MS (30000), which includes the headers',
    );
    expect(loadConfig({ PMO_HEADERS_TIMEOUT_MS: '40000', PMO_REQUEST_TIMEOUT_MS: '40000' }).httpTimeouts.headersMs).toBe(40_000);
  });
});
