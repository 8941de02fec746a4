import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The arguments `npm start` gives node (package.json: `node <flags> <entry>`), for a process that
 * must be the service as users start it: runtime flags first, the entry (relative to the repository) last.
 */
export const npmStartArguments = (): string[] => {
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = start.trim().split(/\s+/);
  if (command !== 'node' || args.length === 0) throw new Error(`npm start should run node on the built service, not: ${start}`);
  return args;
};
