import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataDirInUseError, DataDirOwner, StoreUnavailableError } from '@throughline/event-store';
import { createApp } from './app.factory';
import { ensureAdminToken } from './auth/admin-token';
import { loadOrCreateSigningSecret, ConfigError, loadConfig } from '@throughline/runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  // Before anything opens a file there; released when the process exits (see createApp's shutdown hooks).
  const owner = config.eventStore === 'memory' ? null : DataDirOwner.acquire(config.dataDir, 'the service');
  const app = await createApp(config);
  // With an identity provider every token comes from it: no secret of ours signs anything.
  const provider = config.identityProvider;
  const tokenFile = provider ? null : await ensureAdminToken(config.dataDir, loadOrCreateSigningSecret(config.dataDir));
  await app.listen(config.port, config.host);
  const logger = new Logger('Throughline');
  if (owner?.replaced) logger.warn(`took over ${config.dataDir} from pid ${owner.replaced.owner.pid}, which did not stop cleanly (${owner.replaced.why})`);
  logger.log(`GraphQL at http://${config.host}:${config.port}/graphql (store: ${config.eventStore}, data: ${config.dataDir})`);
  logger.log(
    provider
      ? `Tokens come from ${provider.issuer} (keys at ${provider.jwksUrl}): send them as "Authorization: Bearer <token>"`
      : `An ADMIN token is in ${tokenFile}: send it as "Authorization: Bearer <token>"`,
  );
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `configuration: ${error.message}`
      : error instanceof DataDirInUseError
        ? error.message
        : // Names the server (host:port), never the connection string: it may carry a password.
          error instanceof StoreUnavailableError
          ? `event store: ${error.message}`
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error);
  // One JSON line, like every other line the service writes, so log collectors keep it whole.
  console.error(JSON.stringify({ level: 'fatal', timestamp: new Date().toISOString(), context: 'Throughline', message: `Throughline could not start: ${message}` }));
  process.exit(1);
});
