import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a needle was found: the file (relative to the directory scanned), the needle's index, and the byte offset. */
export interface ScanFinding {
  readonly file: string;
  readonly needle: number;
  readonly offset: number;
}

/**
 * Reads every file under `dir` (recursively, whatever its kind: SQLite databases, their `-wal`,
 * `-shm` and `-journal` files, anything else) as raw bytes and reports each place one of the
 * needles occurs. A string needle is looked for as UTF-8; pass the other encodings you mean to
 * rule out (base64, hex...) as needles of their own. An empty answer means no byte sequence of any
 * needle is left in any file there.
 */
export function scanDirectoryFor(dir: string, needles: readonly (string | Buffer)[]): ScanFinding[] {
  const patterns = needles.map((needle) => (typeof needle === 'string' ? Buffer.from(needle, 'utf8') : needle));
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) throw new RangeError(`needle ${index} is empty`);
  });
  const findings: ScanFinding[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    patterns.forEach((pattern, needle) => {
      for (let offset = bytes.indexOf(pattern); offset !== -1; offset = bytes.indexOf(pattern, offset + 1)) {
        findings.push({ file: path.relative(dir, file), needle, offset });
      }
    });
  }
  return findings;
}

/** Every regular file under a directory, depth first. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.isFile() ? [full] : [];
  });
}
