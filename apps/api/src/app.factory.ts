import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { AppModule } from './app.module';
import { EXPORT_PATH } from './audit/export/audit-export.controller';
import { authenticate } from './auth/authenticate.hook';
import { loadOrCreateSigningSecret } from './auth/secret-files';
import { inputValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { GRAPHQL_PATH } from './graphql/graphql-options';

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const isUnder = (url: string, path: string) => url === path || url.startsWith(`${path}?`) || url.startsWith(`${path}/`);
const isProtected = (url: string) => isUnder(url, GRAPHQL_PATH) || isUnder(url, EXPORT_PATH);

/** Builds the whole service for a configuration; main.ts, the tests and the tools share it. */
export async function createApp(
  config: AppConfig,
  options: { logger?: LoggerService | LogLevel[] | false } = {},
): Promise<NestFastifyApplication> {
  const secret = loadOrCreateSigningSecret(config.dataDir);
  const adapter = new FastifyAdapter({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? ['error', 'warn', 'log'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('principal', undefined);
  // Before init, so the hook runs ahead of the GraphQL route that init registers.
  fastify.addHook('onRequest', authenticate(secret, isProtected));
  app.useGlobalPipes(inputValidationPipe());
  app.enableShutdownHooks();
  await app.init();
  return app;
}
