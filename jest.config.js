// Two projects so unit specs and HTTP end-to-end tests can be run apart; `npm test` runs both.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // mercurius pulls a few ESM-only modules; let swc turn them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(quick-lru|content-disposition|@fastify/.*|mercurius)/)'],
  moduleNameMapper: {
    '^@throughline/(domain|event-store|read-models|testing|runtime)$': '<rootDir>/libs/$1/src',
  },
};

module.exports = {
  // A test that hangs still fails, but one only slowed by a loaded machine does not: specs wait for
  // signals (a promise, a condition), never for a fixed time. A global option: jest ignores it per
  // project. Files that start services set longer limits of their own.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Builds the pages the service serves when a clean clone has none (runs only with an e2e test).
      globalSetup: '<rootDir>/test/support/pages.global-setup.ts',
    },
  ],
};
