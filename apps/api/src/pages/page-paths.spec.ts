import { isPublicPagePath } from './page-paths';

describe('the paths of the pages anyone may load', () => {
  it.each([
    '/dashboard',
    '/dashboard/',
    '/dashboard?pmo=1',
    '/dashboard/assets/index-B1x_9zQe.js',
    '/dashboard/assets/index-Cq2.css',
    '/graphiql',
    '/graphiql/',
    '/graphiql/assets/index-D4a7.js?v=2',
  ])('lets %s through', (url) => {
    expect(isPublicPagePath(url)).toBe(true);
  });

  it.each([
    '/graphql',
    '/graphql?query={pmos{id}}',
    '/export/audit.ndjson',
    '/metrics',
    '/dashboards',
    '/dashboard.js',
    '/dashboard/graphql',
    '/dashboard/assets/',
    '/dashboard/assets/../../graphql',
    '/dashboard/assets/..%2F..%2Fgraphql',
    '/dashboard/assets/nested/index.js',
    '/dashboard/assets/.hidden',
    '/graphiql/assets/index.js/../../../graphql',
    '//dashboard',
    '/Dashboard',
    '/graphiql/export/audit.ndjson',
  ])('does not let %s through', (url) => {
    expect(isPublicPagePath(url)).toBe(false);
  });
});
