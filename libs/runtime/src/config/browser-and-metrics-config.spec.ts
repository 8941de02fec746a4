import { ConfigError, loadConfig } from './app-config';

describe('the browser origins in the configuration', () => {
  it('allows no origin by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ PMO_CORS_ORIGINS: '  ' }).corsOrigins).toEqual([]);
  });

  it('takes exact origins, separated by commas, once each', () => {
    const env = { PMO_CORS_ORIGINS: 'https://app.example.org, http://localhost:5173,https://app.example.org' };

    expect(loadConfig(env).corsOrigins).toEqual(['https://app.example.org', 'http://localhost:5173']);
  });

  it.each([
    ['*', 'is a wildcard'],
    ['https://*.example.org', 'is a wildcard'],
    ['app.example.org', 'is not an origin'],
    ['https://app.example.org/', 'write it as "https://app.example.org"'],
    ['https://app.example.org/app', 'write it as "https://app.example.org"'],
    ['https://APP.example.org', 'write it as "https://app.example.org"'],
    ['https://app.example.org:443', 'write it as "https://app.example.org"'],
    ['ftp://files.example.org', 'is not an http or https origin'],
    ['https://a.example.org,,https://b.example.org', 'has an empty entry'],
  ])('refuses %s, naming the variable', (value, problem) => {
    const load = () => loadConfig({ PMO_CORS_ORIGINS: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^PMO_CORS_ORIGINS: /);
    expect(load).toThrow(problem);
  });
});

describe('the metrics in the configuration', () => {
  it('are open outside production and off in production by default', () => {
    expect(loadConfig({}).metrics).toBe('on');
    expect(loadConfig({ NODE_ENV: 'development' }).metrics).toBe('on');
    expect(loadConfig({ NODE_ENV: 'production' }).metrics).toBe('off');
  });

  it('follow PMO_METRICS whatever the environment', () => {
    expect(loadConfig({ NODE_ENV: 'production', PMO_METRICS: 'token' }).metrics).toBe('token');
    expect(loadConfig({ NODE_ENV: 'production', PMO_METRICS: 'on' }).metrics).toBe('on');
    expect(loadConfig({ PMO_METRICS: 'off' }).metrics).toBe('off');
  });

  it('refuses another value, naming the variable', () => {
    expect(() => loadConfig({ PMO_METRICS: 'yes' })).toThrow('PMO_METRICS: "yes" is not one of off, on, token');
  });
});

describe('the GraphQL IDE in the configuration', () => {
  it('is served outside production and not in production by default', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).graphiql).toBe(false);
  });

  it('follows PMO_GRAPHIQL whatever the environment', () => {
    expect(loadConfig({ NODE_ENV: 'production', PMO_GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', PMO_GRAPHIQL: 'False' }).graphiql).toBe(false);
  });

  it('refuses another value, naming the variable', () => {
    expect(() => loadConfig({ PMO_GRAPHIQL: 'on' })).toThrow('PMO_GRAPHIQL: "on" is not true or false');
  });
});
