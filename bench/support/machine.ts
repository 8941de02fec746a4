import { execFileSync } from 'node:child_process';
import * as os from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly platform: string;
  readonly node: string;
  readonly sqlite: string;
  /** Load average over the last minute when the run started: other work on a shared machine skews every figure. */
  readonly loadAverage: number;
}

export interface Revision {
  readonly commit: string | null;
  /** True when the working tree differed from the commit: the figures are of uncommitted code. */
  readonly dirty: boolean;
}

export function describeMachine(sqliteVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite: sqliteVersion,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/**
 * Where runs write their results. A run leaves them changed until they are committed on purpose,
 * so they do not make the next run's code count as uncommitted.
 */
const RESULTS = 'bench/results';

export function gitRevision(cwd: string): Revision {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const changed = git('status', '--porcelain', '--untracked-files=no', '--', ':/', `:(exclude,top)${RESULTS}`);
    return { commit: git('rev-parse', '--short=12', 'HEAD'), dirty: changed !== '' };
  } catch {
    return { commit: null, dirty: false };
  }
}
