import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory';
import { type Role, loadOrCreateSigningSecret, issueToken, loadConfig } from '@throughline/runtime';
import { GraphQLClient } from './graphql-client';

export interface TestApp {
  readonly url: string;
  readonly dataDir: string;
  readonly app: NestFastifyApplication;
  /** A client authenticated as an ADMIN named `admin@test`. */
  readonly admin: GraphQLClient;
  client(subject: string, roles: Role[], pmoIds?: string[]): Promise<GraphQLClient>;
  /** A token signed with the instance's secret, valid for `ttlSeconds` (an hour by default; negative: expired that long ago). */
  token(subject: string, roles: Role[], pmoIds?: string[], ttlSeconds?: number): Promise<string>;
  close(): Promise<void>;
}

export const tempDataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-e2e-'));

/** The real service on a real SQLite file in a temp directory, listening on a free loopback port. */
export async function startTestApp(
  options: {
    dataDir?: string;
    env?: NodeJS.ProcessEnv;
    /** Receives the request log (JSON lines, LOG_LEVEL info unless env says otherwise). */
    logStream?: NodeJS.WritableStream;
    /** Where the built pages are looked for; dist/pages unless given. */
    pagesDir?: string;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({ PMO_DATA_DIR: dataDir, LOG_LEVEL: options.logStream ? 'info' : 'silent', PORT: '0', ...options.env });
  const app = await createApp(config, {
    logger: false,
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.pagesDir ? { pagesDir: options.pagesDir } : {}),
  });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const secret = loadOrCreateSigningSecret(dataDir);
  const token = (subject: string, roles: Role[], pmoIds: string[] = [], ttlSeconds = 3600) => issueToken(secret, { subject, roles, pmoIds, ttlSeconds });
  const client = async (subject: string, roles: Role[], pmoIds: string[] = []) => new GraphQLClient(url, await token(subject, roles, pmoIds));
  return {
    url,
    dataDir,
    app,
    admin: await client('admin@test', ['ADMIN']),
    client,
    token,
    close: async () => {
      await app.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
