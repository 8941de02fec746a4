import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const SIGNING_SECRET_FILE = 'jwt-secret';
export const ADMIN_TOKEN_FILE = 'admin.token';

/** Writes a file only its owner may read, even when it already existed with looser rights. */
export function writePrivateFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** Narrows a secret file that already exists (written by hand, or before this rule) to its owner. */
export function keepPrivate(file: string): void {
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

/**
 * The HS256 signing secret of this data directory, created on first use. It never leaves the
 * data directory; tokens minted by the CLI for the same directory verify against it.
 */
export function loadOrCreateSigningSecret(dataDir: string): Uint8Array {
  const file = path.join(dataDir, SIGNING_SECRET_FILE);
  try {
    const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
    if (secret.length < 32) throw new Error(`${file} holds fewer than 32 bytes; delete it to generate a new secret`);
    keepPrivate(file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32);
  // 'wx' fails if another process created it first; then read theirs so both agree.
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSigningSecret(dataDir);
    throw error;
  }
  return secret;
}
