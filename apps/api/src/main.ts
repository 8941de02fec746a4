import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ensureAdminToken } from './auth/admin-token';
import { loadOrCreateSigningSecret } from './auth/secret-files';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const tokenFile = await ensureAdminToken(config.dataDir, loadOrCreateSigningSecret(config.dataDir));
  await app.listen(config.port, config.host);
  const logger = new Logger('Throughline');
  logger.log(`GraphQL at http://${config.host}:${config.port}/graphql (store: ${config.eventStore}, data: ${config.dataDir})`);
  logger.log(`An ADMIN token is in ${tokenFile}: send it as "Authorization: Bearer <token>"`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? `configuration: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Throughline could not start: ${message}`);
  process.exit(1);
});
