import * as fs from 'node:fs';
import { freePort } from '@throughline/testing';
import { seedDataDir } from '../bench/seed/seed';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(180_000);

const YEAR = new Date().getUTCFullYear() - 1;
/** The longest window a report takes (MAX_WINDOW_DAYS), ending with the seeded year. */
const FROM = `${YEAR - 9}-01-01`;
const TO = `${YEAR}-12-31`;
const ALIASES = 50;

/** Fifty ten-year reports by week in one request: what the cost rule lets one request ask. */
const fiftyReports = (pmoId: string) =>
  `{ ${Array.from(
    { length: ALIASES },
    (_, i) => `a${i}: alignment(pmoId: "${pmoId}", from: "${FROM}", to: "${TO}", granularity: WEEK) { totalHours buckets { start totalHours alignedHours } }`,
  ).join(' ')} }`;

describe('a long alignment request does not hold up other requests', () => {
  let dataDir: string;
  let service: ServiceProcess;
  let pmoId: string;

  beforeAll(async () => {
    dataDir = tempDataDir();
    // About 57 people over a year: the 50-person office's year of work is what each report adds up.
    const { summary } = await seedDataDir(dataDir, { events: 40_000, year: YEAR });
    pmoId = summary.anchor.pmoId;
    service = new ServiceProcess(dataDir, await freePort());
    await service.start(120_000);
  });
  afterAll(async () => {
    await service.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /health within 200 ms while fifty ten-year reports run', async () => {
    const admin = service.adminClient();
    const single = await admin.request<{ alignment: { totalHours: number } }>(
      `{ alignment(pmoId: "${pmoId}", from: "${YEAR}-01-01", to: "${YEAR}-12-31") { totalHours } }`,
    );
    const yearHours = single.data?.alignment.totalHours as number;
    expect(yearHours).toBeGreaterThan(10_000);

    let done = false;
    const started = performance.now();
    const reports = admin.request<Record<string, { totalHours: number; buckets: unknown[] }>>(fiftyReports(pmoId)).finally(() => (done = true));
    const probes: number[] = [];
    while (!done) {
      const sent = performance.now();
      const health = await fetch(`${service.url}/health`);
      // Every probe sent while the reports ran counts, the one they might have held up included.
      probes.push(performance.now() - sent);
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const requestMs = performance.now() - started;

    const answer = await reports;
    expect(answer.errors).toBeUndefined();
    const answers = Object.values(answer.data ?? {});
    expect(answers).toHaveLength(ALIASES);
    for (const report of answers) {
      expect(report.totalHours).toBe(yearHours);
      expect(report.buckets.length).toBeGreaterThan(520);
    }
    // The request ran long enough for the probes to mean something, and none waited for it.
    expect(probes.length).toBeGreaterThan(2);
    expect(Math.max(...probes)).toBeLessThan(200);
    expect(requestMs).toBeGreaterThan(Math.max(...probes));
  });
});
