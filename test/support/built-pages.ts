import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
export const PAGES_DIR = path.join(ROOT, 'dist', 'pages');
const SOURCES = path.join(ROOT, 'apps', 'dashboard');
const PAGES = ['dashboard', 'graphiql'];

const newest = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }, 0);

/** Why the built pages cannot be used as they are; null when they are there and newer than their sources. */
export function stalePages(): string | null {
  const built = PAGES.map((page) => path.join(PAGES_DIR, page, 'index.html'));
  const missing = built.find((file) => !fs.existsSync(file));
  if (missing) return `${path.relative(ROOT, missing)} is missing`;
  const oldest = Math.min(...built.map((file) => fs.statSync(file).mtimeMs));
  return newest(SOURCES) > oldest ? 'apps/dashboard changed since they were built' : null;
}

/**
 * Builds the pages when they are missing or older than their sources, as a clean clone (CI runs
 * `npm test` without `npm run build`) or an edit leaves them: the browser tests and the service
 * under test serve what is there.
 */
export function ensurePagesBuilt(): void {
  const reason = stalePages();
  if (!reason) return;
  process.stdout.write(`\nBuilding the dashboard and GraphQL IDE pages (${reason}): npm run build:pages\n`);
  const build = spawnSync('npm', ['run', '--silent', 'build:pages'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:pages failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
}
