import { isRole, ROLES, loadOrCreateSigningSecret, issueToken, loadConfig, isEntityId } from '@throughline/runtime';
import { fail, parseCommandLine } from './cli-args';

const USAGE = `Prints a token for the service that uses this data directory (PMO_DATA_DIR, default ./data).

usage: npm run token -- --sub <name> --role <${ROLES.join('|')}> [--pmo <id>]... [--ttl <seconds>]

  --sub    the person the token stands for: the actor recorded on every change they make
  --role   one of ${ROLES.join(', ')} (repeat for several)
  --pmo    a PMO the role applies to (PMO_HEAD and MEMBER; repeat for several)
  --ttl    lifetime in seconds (default 86400, at most 31536000)`;

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
  const { dataDir, identityProvider } = loadConfig();
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
  const ttlSeconds = Number(args.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 31_536_000) fail('--ttl must be a whole number of seconds from 1 to 31536000');

  const token = await issueToken(loadOrCreateSigningSecret(dataDir), {
    subject,
    roles: roles.filter(isRole),
    pmoIds: args.pmo.map((p) => p.toLowerCase()),
    ttlSeconds,
  });
  console.log(token);
}

main().catch((error: unknown) => fail(`token: ${(error as Error).message}`));
