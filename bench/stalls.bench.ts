/**
 * How long whole-store requests hold everyone else up, on a seeded data directory:
 *
 *   npm run seed -- --events 1000000 --out /tmp/m1        (once; about half an hour)
 *   node -r @swc-node/register bench/stalls.bench.ts --data-dir /tmp/m1 [--aliases 1] [--polls-ms 20]
 *
 * Starts the built service on the directory, then sends each whole-store request alone while a
 * second client asks `GET /health` one request after another. For each it prints the request's
 * own time, the slowest `/health` answer while it ran, and the longest event-loop delay the
 * service itself saw in that time (prom-client's `nodejs_eventloop_lag_max_seconds`, whose
 * histogram is reset at every scrape, so one scrape before and one after bracket the request).
 * Nothing is written to bench/results.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, ServiceUnderTest } from './support/service';
import { elapsedMs, round } from './support/stats';

interface Probe {
  readonly name: string;
  readonly send: (url: string, token: string) => Promise<void>;
}

const gql = (query: string) => async (url: string, token: string) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors?.length) throw new Error(`${response.status}: ${JSON.stringify(body.errors)}`);
};

const probes = (aliases: number, year: number): Probe[] => [
  {
    name: `verifyIntegrity × ${aliases}`,
    send: gql(`{ ${Array.from({ length: aliases }, (_, i) => `a${i}: verifyIntegrity { ok checkedEvents }`).join(' ')} }`),
  },
  {
    name: 'audit export, whole store',
    send: async (url, token) => {
      const response = await fetch(`${url}/export/audit.ndjson`, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`export answered ${response.status}`);
      // Read it to the end as a client would; the stream is paced by this reader.
      for await (const _chunk of response.body ?? []) void _chunk;
    },
  },
  { name: `compliance, whole group`, send: gql(`{ compliance(on: "${year}-12-31") { rows { pmo { id } } } }`) },
  { name: 'portfolio, every objective', send: gql('{ portfolio { id health progress } }') },
];

/** The longest event-loop delay since the previous scrape, in ms. */
async function loopDelayMaxMs(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('nodejs_eventloop_lag_max_seconds '));
  if (!line) throw new Error('the service does not report nodejs_eventloop_lag_max_seconds');
  return Number(line.split(' ')[1]) * 1000;
}

async function measure(service: ServiceUnderTest, probe: Probe, pollGapMs: number) {
  const url = service.url;
  await loopDelayMaxMs(url);
  let running = true;
  let slowestHealthMs = 0;
  let healthAnswers = 0;
  const poller = (async () => {
    while (running) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${url}/health`);
      await response.arrayBuffer();
      slowestHealthMs = Math.max(slowestHealthMs, elapsedMs(started));
      healthAnswers += 1;
      await new Promise((r) => setTimeout(r, pollGapMs));
    }
  })();
  const started = process.hrtime.bigint();
  await probe.send(url, service.adminToken());
  const requestMs = elapsedMs(started);
  running = false;
  await poller;
  return { probe: probe.name, requestMs: round(requestMs, 0), slowestHealthMs: round(slowestHealthMs, 1), healthAnswers, loopDelayMaxMs: round(await loopDelayMaxMs(url), 1) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, aliases: { type: 'string', default: '1' }, 'polls-ms': { type: 'string', default: '20' }, year: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('--data-dir is required: a directory seeded with `npm run seed`');
  execFileSync(path.join(ROOT, 'node_modules/.bin/swc'), ['apps', 'libs', 'bench', '--out-dir', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  const year = Number(values.year ?? new Date().getUTCFullYear() - 1);
  // The service runs as in production, where metrics are off unless asked for.
  process.env.PMO_METRICS = 'on';
  const { service } = await ServiceUnderTest.start(path.resolve(dataDir), { timeoutMs: 600_000 });
  try {
    for (const probe of probes(Number(values.aliases), year)) {
      console.log(JSON.stringify({ loadAverage: os.loadavg().map((l) => round(l, 2)), ...(await measure(service, probe, Number(values['polls-ms']))) }));
    }
  } finally {
    await service.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`stalls bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
