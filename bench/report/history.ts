import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMPARED, figureAt, type BenchResults } from './results';
import { renderMarkdown } from './markdown';

export interface Change {
  readonly path: string;
  readonly previous: number;
  readonly current: number;
  /** Relative change in percent; positive means better. */
  readonly betterByPercent: number;
}

export interface Comparison {
  readonly with: { readonly date: string; readonly mode: string; readonly commit: string | null };
  readonly changes: Change[];
}

const readRun = (file: string): BenchResults | null => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  } catch {
    return null;
  }
};

/** The most recent earlier run of the same mode, else the most recent earlier run. */
export function previousRun(dir: string, mode: string): BenchResults | null {
  const historyDir = path.join(dir, 'history');
  const files = [
    path.join(dir, 'latest.json'),
    ...(fs.existsSync(historyDir) ? fs.readdirSync(historyDir).filter((f) => f.endsWith('.json')).sort().reverse().map((f) => path.join(historyDir, f)) : []),
  ];
  const runs = files.map(readRun).filter((run): run is BenchResults => run !== null && run.schema === 1);
  return runs.find((run) => run.run.mode === mode) ?? runs[0] ?? null;
}

export function compare(current: BenchResults, previous: BenchResults): Comparison {
  const changes: Change[] = [];
  for (const { path: at, higherIsBetter } of COMPARED) {
    const before = figureAt(previous, at);
    const now = figureAt(current, at);
    if (before === undefined || now === undefined || before === 0) continue;
    const change = ((now - before) / before) * 100;
    changes.push({ path: at, previous: before, current: now, betterByPercent: Math.round((higherIsBetter ? change : -change) * 10) / 10 });
  }
  return { with: { date: previous.run.date, mode: previous.run.mode, commit: previous.run.commit }, changes };
}

/**
 * Moves the previous latest run into history/ (named by its date) and writes this one as
 * latest.json and latest.md.
 */
export function saveResults(dir: string, results: BenchResults, comparison: Comparison | null): { json: string; markdown: string } {
  const historyDir = path.join(dir, 'history');
  fs.mkdirSync(historyDir, { recursive: true });
  const latest = path.join(dir, 'latest.json');
  const previous = readRun(latest);
  if (previous) fs.renameSync(latest, path.join(historyDir, `${previous.run.date.replace(/[:.]/g, '-')}-${previous.run.mode}.json`));
  const json = latest;
  const markdown = path.join(dir, 'latest.md');
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(markdown, renderMarkdown(results, comparison));
  return { json, markdown };
}
