import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '@throughline/testing';
import { ROOT } from './service';

/** The bare servers the service's trivial query is weighed against, built with it. */
const ENTRIES = {
  /** Fastify and Mercurius alone: the limit the target names. */
  fastify: path.join(ROOT, 'dist/bench/support/bare-graphql-server.js'),
  /** Nest with its Fastify adapter and Mercurius driver: the framework the service is built on, alone. */
  nest: path.join(ROOT, 'dist/bench/support/bare-nest-graphql-server.js'),
} as const;

export interface BareGraphql {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Starts a bare server from the build, with the service's NODE_ENV, and waits until it answers. */
export async function startBareGraphql(server: keyof typeof ENTRIES = 'fastify', timeoutMs = 30_000): Promise<BareGraphql> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [ENTRIES[server]], { cwd: ROOT, env: { ...process.env, PORT: String(port), NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bare ${server} GraphQL server exited with ${child.exitCode}:\n${output}`);
    const answered = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (answered) return { url, pid: child.pid!, stop };
    await new Promise((r) => setTimeout(r, 10));
  }
  await stop();
  throw new Error(`the bare ${server} GraphQL server did not answer within ${timeoutMs} ms:\n${output}`);
}
