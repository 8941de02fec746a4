import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLClient } from './graphql-client';
import { npmStartArguments } from './npm-start';

const ROOT = path.resolve(__dirname, '..', '..');


/** Chosen by each test's own env, never by what the shell running the tests happens to export. */
const STORE_VARIABLES = ['PMO_EVENT_STORE', 'EVENTSTORE_CONNECTION_STRING', 'PMO_EVENTSTORE_DEADLINE_MS'];
const inheritedEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !STORE_VARIABLES.includes(name)));

/** The service as its own operating-system process, started the way `npm start` starts it. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
    /** Extra environment, over the defaults below. */
    readonly env: NodeJS.ProcessEnv = {},
    /** The TypeScript sources (compiled as they load), or the command `npm start` runs (on what `npm run build` wrote). */
    readonly entry: { source: true } | { npmStart: true } = { source: true },
  ) {}

  /** Everything the process wrote to stdout and stderr since it was last started. */
  get log(): string {
    return this.output;
  }

  /** The running process's id, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    this.child = this.spawn();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`service exited with ${this.child.exitCode}:\n${this.output}`);
      const ready = await fetch(`${this.url}/ready`).then((r) => r.status === 200, () => false);
      if (ready) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`service not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  /**
   * Starts a process that must fail to start, and waits for it to exit by itself. If it has not
   * exited within `timeoutMs` it is killed and `code` is null.
   */
  async runUntilExit(timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = this.spawn();
    this.child = child;
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return { code, stdout, stderr };
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already durable. */
  async kill(): Promise<void> {
    const child = this.child;
    // A process ended by a signal has no exit code, only a signalCode.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, the way an operator stops it, and waits for it to exit; answers the exit code. */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }

  private spawn(): ChildProcess {
    this.output = '';
    const args = 'npmStart' in this.entry ? npmStartArguments() : ['-r', '@swc-node/register', path.join(ROOT, 'apps/api/src/main.ts')];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...inheritedEnv(), PORT: String(this.port), HOST: '127.0.0.1', PMO_DATA_DIR: this.dataDir, LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
    return child;
  }

  adminClient(): GraphQLClient {
    return new GraphQLClient(this.url, fs.readFileSync(path.join(this.dataDir, 'admin.token'), 'utf8').trim());
  }
}
