import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { freePort } from '@throughline/testing';
import * as path from 'node:path';
import { npmStartArguments } from '../../test/support/npm-start';
import { elapsedMs } from './stats';

export const ROOT = path.resolve(__dirname, '..', '..');

/** What `npm start` runs (package.json), so that the figures are of the service as users start it. */
const START = npmStartArguments();
const START_FLAGS = START.slice(0, -1);
export const SERVICE_ENTRY = path.join(ROOT, START[START.length - 1]!);
const EXIT_ON_SIGNAL = path.join(ROOT, 'dist/bench/support/exit-on-signal.js');


/**
 * The built service in its own process on a data directory. Request logging stays off (warn) and
 * the per-subject mutation limit is lifted, so the load measures the service rather than its log
 * or its abuse guard.
 */
export class ServiceUnderTest {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly profiled: boolean,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts it and answers the milliseconds from spawn to the first 200 from /ready. With
   * `cpuProfileDir`, the process writes a CPU profile there when it is stopped.
   */
  static async start(dataDir: string, options: { cpuProfileDir?: string; timeoutMs?: number } = {}): Promise<{ service: ServiceUnderTest; readyMs: number }> {
    const service = new ServiceUnderTest(dataDir, await freePort(), options.cpuProfileDir !== undefined);
    const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`, '-r', EXIT_ON_SIGNAL] : [];
    const readyMs = await service.launch(nodeArgs, options.timeoutMs ?? 120_000);
    return { service, readyMs };
  }

  adminToken(): string {
    return fs.readFileSync(path.join(this.dataDir, 'admin.token'), 'utf8').trim();
  }

  /** SIGTERM (SIGUSR2 when profiled), and wait for the process to end. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(this.profiled ? 'SIGUSR2' : 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  private async launch(nodeArgs: string[], timeoutMs: number): Promise<number> {
    const started = process.hrtime.bigint();
    this.child = spawn(process.execPath, [...START_FLAGS, ...nodeArgs, SERVICE_ENTRY], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        PMO_DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        PMO_MUTATION_RATE_LIMIT: '0',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => (this.output += chunk));
    this.child.stderr?.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`the service exited with ${this.child.exitCode}:\n${this.output}`);
      const ready = await fetch(`${this.url}/ready`).then((r) => r.status === 200, () => false);
      if (ready) return elapsedMs(started);
      await new Promise((r) => setTimeout(r, 10));
    }
    await this.stop();
    throw new Error(`the service was not ready within ${timeoutMs} ms:\n${this.output}`);
  }
}

/** POSTs one GraphQL operation and fails on any error in the answer. */
export async function graphql<T>(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
