// The layers, checked by `npm run lint:layers` (part of `npm test`): the domain is plain TypeScript,
// libraries never reach into the apps, read models know the store only by its port, and the two
// apps share code through libraries. Type-only imports count: a type is a dependency too.
//
// Two rules need more than module edges and are specs instead: the domain never reads the clock
// (libs/domain/src/shared/purity.spec.ts), and read models take no adapter through the event
// store's index (libs/read-models/src/store-independence.spec.ts).

const SPEC = '\\.(e2e-)?spec\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-itself',
      comment:
        'libs/domain is pure TypeScript: no Nest, no Node I/O or runtime modules, no stores, no other library or app. ' +
        'Move the dependency out of the domain and hand the domain plain values instead.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: SPEC },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'domain-specs-stay-pure',
      comment:
        'Domain specs use the decider helpers (libs/testing) and fast-check, nothing with I/O or a framework ' +
        '(purity.spec.ts alone reads the sources it checks).',
      severity: 'error',
      from: { path: `^libs/domain/.*${SPEC}`, pathNot: '^libs/domain/src/shared/purity\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/', '^libs/testing/', '^node_modules/fast-check/'] },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'Libraries are what the apps are built from; move the shared code into a library (libs/runtime).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'read-models-know-only-the-store-port',
      comment:
        'Read models are fed through the EventStore port; an adapter (sqlite, eventstoredb, memory) is chosen by the app. ' +
        'Specs may build one to feed a projector.',
      severity: 'error',
      from: { path: '^libs/read-models/', pathNot: SPEC },
      to: { path: '^libs/event-store/src/(sqlite|eventstoredb|memory)/' },
    },
    {
      name: 'cli-does-not-import-api',
      comment: 'apps/cli and apps/api share code through libraries (libs/runtime, libs/read-models, ...), never directly.',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'api-does-not-import-cli',
      comment: 'apps/api and apps/cli share code through libraries, never directly.',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/cli/' },
    },
    {
      name: 'pages-stay-in-the-browser',
      comment:
        'apps/dashboard is built into the pages a browser runs: it talks to the service over HTTP and WebSocket only, ' +
        'never by importing its code (which would also drag Node modules into the bundle).',
      severity: 'error',
      from: { path: '^apps/dashboard/' },
      to: { path: '^(apps/(api|cli)|libs)/' },
    },
    {
      name: 'service-does-not-import-pages',
      comment: 'The service serves the built pages as files; their source is for the browser build alone.',
      severity: 'error',
      from: { path: '^(apps/(api|cli)|libs)/' },
      to: { path: '^apps/dashboard/' },
    },
    {
      name: 'no-barrels-of-barrels',
      comment: "An index.ts exports its library's modules directly; re-exporting another index hides where names come from.",
      severity: 'error',
      from: { path: '(^|/)index\\.ts$' },
      to: { path: '(^|/)index\\.ts$' },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'An import that cannot be resolved cannot be checked either.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules may be a link to a shared install; name modules by where they are imported from.
    preserveSymlinks: true,
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
  },
};
