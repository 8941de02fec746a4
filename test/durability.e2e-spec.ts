import * as fs from 'node:fs';
import { daysFromToday, today } from './support/days';
import { DEFINE_OBJECTIVE, ESTABLISH_PMO, GET_OBJECTIVE, HISTORY, RECORD_PROGRESS } from './support/operations';
import { freePort } from '@throughline/testing';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(120_000);

describe('an acknowledged write survives kill -9 of the service', () => {
  let dataDir: string;
  let service: ServiceProcess;

  beforeAll(async () => {
    dataDir = tempDataDir();
    service = new ServiceProcess(dataDir, await freePort());
  });
  afterAll(async () => {
    await service.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds every acknowledged change after a restart, and the same token still works', async () => {
    await service.start();
    const admin = service.adminClient();
    const pmo = await admin.ok(ESTABLISH_PMO, { input: { name: 'Durable office', kind: 'PORTFOLIO' } });
    const defined = await admin.ok(DEFINE_OBJECTIVE, {
      input: {
        pmoId: pmo.establishPmo.id,
        title: 'Survive a crash',
        metric: { name: 'Acknowledged writes kept', unit: '%', baseline: 0, target: 100 },
        startsOn: daysFromToday(-10),
        dueOn: daysFromToday(10),
        owner: 'Grace',
      },
    });
    const objectiveId: string = defined.defineObjective.id;

    // Concurrent writers, as several PMO heads at once; each response is an acknowledgement.
    const acknowledged = await Promise.all(
      Array.from({ length: 25 }, (_, i) => admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: i, measuredOn: today() } })),
    );
    expect(acknowledged).toHaveLength(25);

    await service.kill();
    await service.start();

    const after = await admin.ok(GET_OBJECTIVE, { id: objectiveId });
    expect(after.objective.measurements.map((m: { value: number }) => m.value).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    const history = await admin.ok(HISTORY, { type: 'OBJECTIVE', id: objectiveId, first: 100 });
    expect(history.history.edges.map((e: { node: { revision: number } }) => e.node.revision)).toEqual(
      Array.from({ length: 26 }, (_, i) => i),
    );
  });
});
