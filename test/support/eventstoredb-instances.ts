import * as fs from 'node:fs';
import { EventStoreDbTestDouble } from '../../libs/event-store/src/eventstoredb/test-double/eventstoredb-test-double';
import { startTestApp, tempDataDir, type TestApp } from './test-app';

export interface EventStoreDbInstances {
  /** The double every instance shares; set once the suite's beforeAll has run. */
  readonly double: () => EventStoreDbTestDouble;
  /** A service instance on the double, with its own data directory (read models, secret, token). */
  readonly instance: (options?: { dataDir?: string; env?: NodeJS.ProcessEnv }) => Promise<TestApp>;
  /** Stops one instance before the suite ends (a restart, a crash). */
  readonly close: (app: TestApp) => Promise<void>;
}

/**
 * Several service instances on one EventStoreDB (the test double, over a real socket), as a
 * scaled-out deployment runs: registers the suite's beforeAll/afterAll, which start the double
 * and stop every instance, the double, and remove the data directories.
 */
export function eventStoreDbInstances(env: () => NodeJS.ProcessEnv = () => ({})): EventStoreDbInstances {
  let double: EventStoreDbTestDouble | undefined;
  const apps: TestApp[] = [];
  const dataDirs: string[] = [];

  beforeAll(async () => {
    double = await EventStoreDbTestDouble.start();
  });
  afterAll(async () => {
    for (const app of apps.splice(0)) await app.close();
    await double?.stop();
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const started = (): EventStoreDbTestDouble => {
    if (!double) throw new Error('the EventStoreDB double starts in beforeAll');
    return double;
  };
  return {
    double: started,
    instance: async ({ dataDir = tempDataDir(), env: extra = {} } = {}) => {
      if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
      const app = await startTestApp({ dataDir, env: { PMO_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: started().connectionString, ...env(), ...extra } });
      apps.push(app);
      return app;
    },
    close: async (app) => {
      apps.splice(apps.indexOf(app), 1);
      await app.close();
    },
  };
}
