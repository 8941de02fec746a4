import * as fs from 'node:fs';
import * as path from 'node:path';

// Read models are fed through the EventStore port; which adapter runs is the app's choice.
// .dependency-cruiser.js forbids importing an adapter's module, but `@throughline/event-store`'s
// index exports the adapters too, and module rules see only that the index was imported. This
// reads which names each read-model source takes from it and where the index gets them.

const EVENT_STORE_SRC = path.resolve(__dirname, '../../event-store/src');
const READ_MODELS_SRC = __dirname;
const ADAPTER = /^\.\/(sqlite|eventstoredb|memory)\//;

const namesDeclaredIn = (source: string): string[] => [
  ...[...source.matchAll(/^export\s+(?:declare\s+)?(?:abstract\s+)?(?:class|const|let|function\*?|interface|type|enum)\s+(\w+)/gm)].map((m) => m[1]!),
  ...[...source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm)].flatMap((m) => specifiers(m[1]!)),
];

/** `a, type B, c as d` → the names as seen by the importer: a, B, d. */
const specifiers = (list: string): string[] =>
  list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => s.split(/\s+as\s+/).pop()!);

/** The names `@throughline/event-store`'s index takes from an adapter's module. */
const adapterNames = (): Set<string> => {
  const index = fs.readFileSync(path.join(EVENT_STORE_SRC, 'index.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of index.matchAll(/^export\s+(?:type\s+)?(\*|\{[^}]*\})\s+from\s+'([^']+)'/gm)) {
    const [, what, from] = m;
    if (!ADAPTER.test(from!)) continue;
    const exported = what === '*' ? namesDeclaredIn(fs.readFileSync(path.join(EVENT_STORE_SRC, `${from}.ts`), 'utf8')) : specifiers(what!.slice(1, -1));
    exported.forEach((name) => names.add(name));
  }
  return names;
};

/** Each adapter name a source imports from the event store's index, as `file:line: name`. */
const adapterImports = (file: string, source: string, adapters: ReadonlySet<string>): string[] =>
  [...source.matchAll(/import\s+(?:type\s+)?(\{[^}]*\}|\*\s+as\s+\w+)\s+from\s+'@throughline\/event-store'/g)].flatMap((m) => {
    const line = source.slice(0, m.index).split('\n').length;
    if (m[1]!.startsWith('*')) return [`${file}:${line}: * (the whole index, adapters included)`];
    return specifiers(m[1]!.slice(1, -1))
      .filter((name) => adapters.has(name))
      .map((name) => `${file}:${line}: ${name}`);
  });

const readModelSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readModelSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });

describe('read models know the event store only by its port', () => {
  const adapters = adapterNames();

  it('knows which names the event store index takes from its adapters', () => {
    for (const name of ['MemoryEventStore', 'SqliteEventStore', 'openEventStoreDbEventStore', 'EventStoreDbEventStore']) {
      expect(adapters.has(name)).toBe(true);
    }
    for (const name of ['EventStore', 'RecordedEvent', 'StoreUnavailableError']) expect(adapters.has(name)).toBe(false);
  });

  it('finds no read-model source taking an adapter from the index', () => {
    const found = readModelSources(READ_MODELS_SRC).flatMap((file) =>
      adapterImports(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8'), adapters),
    );
    expect(found).toEqual([]);
  });

  it('given a source that takes an adapter, names it by file and line', () => {
    const source = [
      "import type { RecordedEvent } from '@throughline/event-store';",
      'import {',
      '  type EventStore,',
      '  SqliteEventStore,',
      "} from '@throughline/event-store';",
      "import * as store from '@throughline/event-store';",
    ].join('\n');
    expect(adapterImports('x.ts', source, adapters)).toEqual(['x.ts:2: SqliteEventStore', 'x.ts:6: * (the whole index, adapters included)']);
  });
});
