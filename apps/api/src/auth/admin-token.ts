import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import { ADMIN_TOKEN_FILE, keepPrivate, writePrivateFile, issueToken } from '@throughline/runtime';

const ADMIN_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
const RENEW_BEFORE_SECONDS = 24 * 3600;

/**
 * Keeps `<data dir>/admin.token` holding a valid ADMIN token, so a new installation can be used
 * at once. A token close to expiry is replaced; returns the file's path.
 */
export async function ensureAdminToken(dataDir: string, secret: Uint8Array, now = new Date()): Promise<string> {
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  if (fs.existsSync(file)) {
    try {
      const { exp } = decodeJwt(fs.readFileSync(file, 'utf8').trim());
      if (exp && exp - now.getTime() / 1000 > RENEW_BEFORE_SECONDS) {
        keepPrivate(file);
        return file;
      }
    } catch {
      // unreadable: replaced below
    }
  }
  const token = await issueToken(secret, { subject: 'admin', roles: ['ADMIN'], ttlSeconds: ADMIN_TOKEN_TTL_SECONDS }, now);
  writePrivateFile(file, `${token}\n`);
  return file;
}
