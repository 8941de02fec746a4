import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteEventStore } from '@throughline/event-store';
import { freePort } from '@throughline/testing';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(180_000);

const STREAMS = 50;
const EVENTS_PER_STREAM = 100;
const CLIENTS = 12;

/** A store of 5,000 events: five batches for each check, so many checks overlap. */
async function fillStore(dataDir: string): Promise<void> {
  const store = await SqliteEventStore.open({ file: path.join(dataDir, 'events.sqlite') });
  const metadata = { actor: 'loader@test', correlationId: 'fill' };
  for (let s = 0; s < STREAMS; s++) {
    const pmoId = randomUUID();
    const events = [{ type: 'PmoEstablished', data: { pmoId, name: 'Office 0', kind: 'PORTFOLIO', parentId: null, head: null }, metadata }];
    for (let n = 1; n < EVENTS_PER_STREAM; n++) {
      events.push({ type: 'PmoRenamed', data: { pmoId, name: `Office ${n}`, previousName: `Office ${n - 1}` } as never, metadata });
    }
    await store.append(`pmo-${pmoId}`, events, 'no_stream');
  }
  await store.close();
}

const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: verifyIntegrity { ok checkedEvents }`).join(' ')} }`;

describe('whole-store work does not hold up other requests', () => {
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    dataDir = tempDataDir();
    fs.mkdirSync(dataDir, { recursive: true });
    await fillStore(dataDir);
    service = new ServiceProcess(dataDir, await freePort());
    await service.start(120_000);
  });
  afterAll(async () => {
    await service.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses fifty integrity checks in one request by their cost, before any runs', async () => {
    const answer = await service.adminClient().request(aliases(50));
    expect(answer.data).toBeNull();
    // Each check counts 1,000 by itself, and 1 for each of its two fields.
    expect(answer.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.errors?.[0]?.message).toBe('the estimated cost of the operation is 50100; at most 5000 is allowed');
  });

  it('answers /health at once while twelve clients each run four checks of the whole store', async () => {
    let checksDone = false;
    const admin = service.adminClient();
    const checks = Promise.all(
      Array.from({ length: CLIENTS }, () => admin.request<Record<string, { ok: boolean; checkedEvents: number }>>(aliases(4))),
    ).finally(() => (checksDone = true));

    // Probe until the checks are over; every probe sent while they ran must come back promptly.
    // The bound is generous so that a busy machine cannot fail it: one batch of one check is the
    // most a probe waits for (see WorkTurns, whose spec checks the order exactly), where without
    // turns a probe waited for one batch of every running check.
    const probesWhileChecking: number[] = [];
    while (!checksDone) {
      const sent = performance.now();
      const health = await fetch(`${service.url}/health`);
      const took = performance.now() - sent;
      expect(health.status).toBe(200);
      if (!checksDone) probesWhileChecking.push(took);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const answers = await checks;
    const reports = answers.flatMap((answer) => Object.values(answer.data ?? {}));
    expect(reports).toEqual(Array(CLIENTS * 4).fill({ ok: true, checkedEvents: STREAMS * EVENTS_PER_STREAM }));
    expect(probesWhileChecking.length).toBeGreaterThan(0);
    expect(Math.max(...probesWhileChecking)).toBeLessThan(2000);
  });
});
