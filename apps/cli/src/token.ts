import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type AppConfig,
  CATEGORY,
  EVENTS_FILE,
  PMO_SCOPED_ROLES,
  ROLES,
  connectEventStore,
  isEntityId,
  isRole,
  issueToken,
  loadConfig,
  loadOrCreateSigningSecret,
  streamId,
} from '@throughline/runtime';
import { fail, parseCommandLine } from './cli-args';

const USAGE = `Prints a token for the service that uses this data directory (PMO_DATA_DIR, default ./data).

Only the token goes to standard output, so \`TOKEN=$(npm run --silent token -- ...)\` captures it.

usage: npm run --silent token -- --sub <name> --role <${ROLES.join('|')}> [--pmo <id>]... [--ttl <seconds>]

  --sub    the person the token stands for: the actor recorded on every change they make
  --role   one of ${ROLES.join(', ')} (repeat for several)
  --pmo    a PMO the role applies to (required for ${PMO_SCOPED_ROLES.join(' and ')}; repeat for several);
           checked against the data directory's events when there are any
  --ttl    lifetime in seconds (default 86400, at most 31536000)`;

/**
 * The named PMOs the data directory's SQLite events do not know; null when there is no such store
 * to ask (another store, or none yet), so a token can still be minted ahead of the first start.
 */
async function unknownPmos(config: AppConfig, pmoIds: readonly string[]): Promise<string[] | null> {
  if (config.eventStore !== 'sqlite' || !fs.existsSync(path.join(config.dataDir, EVENTS_FILE))) return null;
  const store = await connectEventStore(config);
  try {
    const unknown: string[] = [];
    for (const id of pmoIds) if ((await store.streamRevision(streamId(CATEGORY.pmo, id))) < 0) unknown.push(id);
    return unknown;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const args = parseCommandLine(
    {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      pmo: { type: 'string', multiple: true, default: [] },
      ttl: { type: 'string', default: '86400' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const { dataDir, identityProvider } = config;
  if (identityProvider) {
    fail(`tokens come from the identity provider ${identityProvider.issuer} (PMO_JWT_ISSUER is set); this command mints tokens only for a service without one`);
  }
  const subject = args.sub?.trim();
  if (!subject) fail('--sub is required', USAGE);
  const roles = args.role ?? [];
  if (roles.length === 0) fail('--role is required', USAGE);
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) fail(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  const badPmo = args.pmo.find((p) => !isEntityId(p));
  if (badPmo) fail(`--pmo ${badPmo} is not a PMO id`);
  const pmoIds = args.pmo.map((p) => p.toLowerCase());
  const scoped = roles.filter((r) => (PMO_SCOPED_ROLES as readonly string[]).includes(r));
  if (scoped.length > 0 && pmoIds.length === 0) {
    fail(`--pmo is required with ${scoped.join(' and ')}: the role reaches only the PMOs the token names`, USAGE);
  }
  const missing = await unknownPmos(config, pmoIds);
  if (missing && missing.length > 0) fail(`no PMO ${missing.join(', ')} in ${dataDir}; list them with { pmosConnection { edges { node { id name } } } }`);
  const ttlSeconds = Number(args.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 31_536_000) fail('--ttl must be a whole number of seconds from 1 to 31536000');

  const token = await issueToken(loadOrCreateSigningSecret(dataDir), {
    subject,
    roles: roles.filter(isRole),
    pmoIds,
    ttlSeconds,
  });
  console.log(token);
}

main().catch((error: unknown) => fail(`token: ${(error as Error).message}`));
