import * as fs from 'node:fs';
import * as path from 'node:path';

// The domain takes time from command metadata, never from the clock, so a decision replays the
// same way forever. Module rules (.dependency-cruiser.js) cannot see a call to `Date.now()`, so
// this reads the domain's sources as text. It is the one domain spec that touches the file system.

const DOMAIN_SOURCES = path.resolve(__dirname, '..');

/** Ways to read the current time; `new Date(value)` and `Date.UTC(...)` are pure and allowed. */
const CLOCK_READS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /\bDate\s*\.\s*now\b/, what: 'Date.now' },
  { pattern: /\bnew\s+Date\s*\(\s*\)/, what: 'new Date()' },
  { pattern: /\bnew\s+Date\b(?!\s*\()/, what: 'new Date' },
  { pattern: /(?<![\w.$])(?<!new\s*)Date\s*\(/, what: 'Date()' },
  { pattern: /\bperformance\s*\.\s*now\b/, what: 'performance.now' },
  { pattern: /\bprocess\s*\.\s*hrtime\b/, what: 'process.hrtime' },
];

/** Blanks out comments, keeping line breaks, so a comment may name what it forbids. */
const withoutComments = (source: string): string =>
  source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));

/** Every clock read in a source text, as `file:line: what`. */
const clockReads = (file: string, source: string): string[] =>
  withoutComments(source)
    .split('\n')
    .flatMap((line, index) => CLOCK_READS.filter(({ pattern }) => pattern.test(line)).map(({ what }) => `${file}:${index + 1}: ${what}`));

const domainSources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return domainSources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });

describe('the domain never reads the clock', () => {
  it('finds no clock read in any domain source', () => {
    const sources = domainSources(DOMAIN_SOURCES);
    expect(sources.length).toBeGreaterThan(20);
    const found = sources.flatMap((file) => clockReads(path.relative(process.cwd(), file), fs.readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('given sources that read the clock, names each read by file and line', () => {
    const source = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = new Date;',
      'const d = Date();',
      'const e = performance.now();',
      'const f = process.hrtime.bigint();',
    ].join('\n');
    expect(clockReads('x.ts', source)).toEqual([
      'x.ts:1: Date.now',
      'x.ts:2: new Date()',
      'x.ts:3: new Date',
      'x.ts:4: Date()',
      'x.ts:5: performance.now',
      'x.ts:6: process.hrtime',
    ]);
  });

  it('given pure date arithmetic and comments, finds nothing', () => {
    const source = [
      'const a = new Date(epochDay * DAY_MS).toISOString();',
      'const b = Date.UTC(y, m, 1);',
      'const c = Date.parse(day);',
      '// the domain never calls new Date() or Date.now()',
      '/* performance.now() */ const updatedAt = toDate(x);',
    ].join('\n');
    expect(clockReads('x.ts', source)).toEqual([]);
  });
});
