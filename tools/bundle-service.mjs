// Bundles the compiled service (dist/apps/api/src/main.js, from swc) into one file,
// dist/service/main.js, which `npm start` and the container run.
//
// Why: the service loads about 2,700 modules. Resolving, reading and compiling them one by one was
// most of its start-up; joined into one file, our modules and the packages only they use are read
// and compiled once. Nest and what it depends on stay in node_modules (below).
// swc still does the TypeScript (esbuild cannot emit the decorator metadata Nest's injection reads);
// esbuild only joins its output with the packages it imports.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFrom = createRequire(path.join(root, 'package.json'));

// Loaded from node_modules when run, not bundled: a native addon, and the EventStoreDB client, which
// only a service on that store loads (and only then).
const optionalOrNative = ['better-sqlite3', '@eventstore/db-client'];

// Nest, and every package a Nest package depends on, is loaded from node_modules too. Bundled,
// Nest and its Fastify and GraphQL layer answered about a sixth fewer `{ __typename }` a second
// under load (the builds taking turns; the README's Performance notes, "Start-up"); start-up is
// about 0.3 s slower without them. The packages Nest depends on go with it so that each is loaded
// once: bundled beside an external Nest, a package both require would be one copy in the bundle
// and another from node_modules, and graphql refuses that outright (a schema built by one copy is
// no schema to the other).
const nestAndItsDependencies = () => {
  const scope = path.join(root, 'node_modules/@nestjs');
  const packages = new Set(['@nestjs/*']);
  for (const name of fs.readdirSync(scope)) {
    const manifest = JSON.parse(fs.readFileSync(path.join(scope, name, 'package.json'), 'utf8'));
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) packages.add(dependency);
  }
  return [...packages];
};

const external = [...optionalOrNative, ...nestAndItsDependencies()];

// Nest and its adapters `require` optional packages inside try/catch (microservices, express, view
// engines, gateways...). Those not installed stay plain `require` calls, so they fail at run time
// exactly as they would unbundled, where the library expects it.
const absentPackagesStayRequires = {
  name: 'absent-packages-stay-requires',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return undefined;
      try {
        createRequire(path.join(args.resolveDir, 'index.js')).resolve(args.path);
        return undefined;
      } catch {
        return { path: args.path, external: true };
      }
    });
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ['dist/apps/api/src/main.js'],
  outfile: 'dist/service/main.js',
  bundle: true,
  platform: 'node',
  target: `node${requireFrom('./package.json').engines.node.match(/\d+/)[0]}`,
  external,
  plugins: [absentPackagesStayRequires],
  // No keepNames: identifiers are not minified, and swc's CommonJS modules each keep their own
  // scope, so class names (which Nest and the GraphQL types go by) come through as written; the
  // bundle's spec holds its schema equal to the committed one. keepNames would wrap every function
  // made at run time, each request's closures too, in a defineProperty of its name: about a fifth
  // of the CPU of a `{ __typename }` request.
  // Whitespace and syntax only: identifiers and stack traces stay readable. The file is a third
  // smaller, so a third less to read and compile at every start.
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  legalComments: 'none',
  // Chained through swc's maps, so `node --enable-source-maps` points at the TypeScript.
  sourcemap: 'linked',
  logLevel: 'warning',
});
