import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, StoreVerifier } from '@throughline/event-store';
import { seedDataDir } from '../bench/seed/seed';
import { seedLargeNetwork } from '../bench/seed/network-at-scale';
import { WORK_RATES } from '../bench/seed/daily-work';
import { ALIGNMENT, PORTFOLIO } from './support/operations';
import { startTestApp, tempDataDir } from './support/test-app';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');
const EVENTS = 6000;
const YEAR = new Date().getUTCFullYear() - 1;

describe('the synthetic organisation generator', () => {
  const dirs: string[] = [];
  const dir = () => {
    const made = tempDataDir();
    dirs.push(made);
    return made;
  };
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  let dataDir: string;
  let summary: Awaited<ReturnType<typeof seedDataDir>>['summary'];
  beforeAll(async () => {
    dataDir = dir();
    ({ summary } = await seedDataDir(dataDir, { events: EVENTS, year: YEAR }));
  });

  it('writes exactly the events asked for, every stream chained by intact hashes', async () => {
    const store = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite') });
    try {
      const report = await new StoreVerifier(store).verifyAll();
      expect(summary.events).toBe(EVENTS);
      expect(report.checkedEvents).toBe(EVENTS);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('corrects and retracts work at about the documented rates', () => {
    const logged = summary.commands.LogWork ?? 0;
    const corrected = (summary.commands.CorrectWork ?? 0) / logged;
    const retracted = (summary.commands.RetractWork ?? 0) / logged;
    expect(logged).toBeGreaterThan(EVENTS / 2);
    // A correction that would change nothing is skipped, so fewer than the rate, never more.
    expect(corrected).toBeGreaterThan(WORK_RATES.corrected / 2);
    expect(corrected).toBeLessThan(WORK_RATES.corrected * 1.5);
    expect(retracted).toBeGreaterThan(WORK_RATES.retracted / 3);
    expect(retracted).toBeLessThan(WORK_RATES.retracted * 2);
  });

  it('gives the same organisation for the same seed', async () => {
    const again = await seedDataDir(dir(), { events: EVENTS, year: YEAR });
    expect(again.summary).toEqual(summary);
  });

  it('is served by the real service: every objective listed, and a year of aligned and unaligned work', async () => {
    const app = await startTestApp({ dataDir });
    try {
      const { portfolio } = await app.admin.ok<{ portfolio: { id: string }[] }>(PORTFOLIO, {});
      expect(portfolio).toHaveLength(summary.objectives);

      const { alignment } = await app.admin.ok<{
        alignment: { totalHours: number; alignedHours: number; unalignedHours: number; buckets: { totalHours: number }[] };
      }>(ALIGNMENT, { pmoId: summary.anchor.pmoId, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, granularity: 'MONTH' });
      expect(alignment.buckets).toHaveLength(12);
      expect(alignment.alignedHours).toBeGreaterThan(0);
      expect(alignment.unalignedHours).toBeGreaterThan(0);
      const bucketHours = alignment.buckets.reduce((sum, b) => sum + b.totalHours, 0);
      expect(bucketHours).toBeCloseTo(alignment.totalHours, 6);

      const { feedbackItems } = await app.admin.ok<{ feedbackItems: { status: string; ageDays: number | null }[] }>(
        `{ feedbackItems { status ageDays } }`,
      );
      const raised = summary.commands.RaiseFeedback ?? 0;
      const resolved = summary.commands.ResolveFeedback ?? 0;
      expect(raised).toBeGreaterThan(0);
      expect(feedbackItems).toHaveLength(raised);
      expect(feedbackItems.filter((f) => f.status === 'RESOLVED')).toHaveLength(resolved);
      // Raised in the simulated year, so every item still open has waited for months.
      expect(feedbackItems.filter((f) => f.status === 'OPEN').every((f) => (f.ageDays ?? 0) > 30)).toBe(true);
      // Standards bind the offices below the portfolio office from the year's first day.
      const { compliance } = await app.admin.ok<{ compliance: { rows: { status: string }[]; adopted: number } }>(
        `query($on: LocalDate) { compliance(on: $on) { adopted rows { status } } }`,
        { on: `${YEAR}-04-01` },
      );
      expect(summary.standards).toBeGreaterThanOrEqual(2);
      expect(compliance.rows.length).toBeGreaterThan(0);
      expect(compliance.adopted).toBeGreaterThan(0);
      // Every office keeps a network: groups on their cadence, contacts with their stance, touchpoints over the year.
      const { networkHealth } = await app.admin.ok<{ networkHealth: { contacts: number; champions: number; groups: { touchpoints: number }[] } }>(
        `query($pmoId: ID!, $on: LocalDate) { networkHealth(pmoId: $pmoId, on: $on) { contacts champions groups { touchpoints } } }`,
        { pmoId: summary.portfolioPmoId, on: `${YEAR}-06-30` },
      );
      expect(summary.network.touchpoints).toBeGreaterThan(0);
      expect(networkHealth.contacts).toBeGreaterThan(3);
      expect(networkHealth.groups).toHaveLength(4);
      expect(networkHealth.groups.some((g) => g.touchpoints > 0)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('adds a PMO with a network of the asked size on top of a seeded organisation, as the bench does at full size', async () => {
    const seeded = dir();
    await seedDataDir(seeded, { events: 3000, year: YEAR });
    const lastDay = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const large = await seedLargeNetwork(seeded, { lastDay, scale: { contacts: 120, touchpoints: 900, days: 90 } });
    const app = await startTestApp({ dataDir: seeded });
    try {
      const { networkHealth, touchpointsConnection } = await app.admin.ok<{
        networkHealth: { contacts: number; groups: unknown[] };
        touchpointsConnection: { totalCount: number };
      }>(
        `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) {
          networkHealth(pmoId: $pmoId, on: $to) { contacts groups { touchpoints } }
          touchpointsConnection(pmoId: $pmoId, from: $from, to: $to, first: 1) { totalCount }
        }`,
        { pmoId: large.pmoId, from: large.from, to: large.to },
      );
      expect(large).toMatchObject({ contacts: 120, touchpoints: 900, groups: 5, to: lastDay });
      expect(touchpointsConnection.totalCount).toBe(900);
      expect(networkHealth.contacts).toBeGreaterThan(100);
      expect(networkHealth.groups).toHaveLength(5);
    } finally {
      await app.close();
    }
  });

  it('refuses a data directory that already holds events, and writes nothing to it', () => {
    const count = () => {
      const db = new Database(path.join(dataDir, 'events.sqlite'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = count();
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'bench/seed/seed.ts', '--events', '3000', '--data-dir', dataDir], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('already holds events');
    expect(count()).toBe(before);
  });

  it('refuses a budget too small to set an organisation up, with usage help', () => {
    const empty = dir();
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', 'bench/seed/seed.ts', '--events', '10', '--data-dir', empty], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--events must be at least');
    expect(result.stderr).toContain('usage: npm run seed');
    expect(fs.existsSync(path.join(empty, 'events.sqlite'))).toBe(false);
  });
});
