import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyChains } from '../integrity/event-hash';
import type { Ack } from './fixtures/append-until-killed';
import { SqliteEventStore } from './sqlite-event-store';

const repoRoot = path.resolve(__dirname, '../../../..');
const fixture = path.join(__dirname, 'fixtures', 'append-until-killed.ts');
const ACKS_BEFORE_KILL = 200;

/** Runs the fixture until it has acknowledged enough appends, kills it, and returns its acks. */
function appendUntilKilled(file: string): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', fixture, file], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (!killed && stdout.split('\n').length - 1 >= ACKS_BEFORE_KILL) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') {
        reject(new Error(`the fixture exited by itself (code ${code}): ${stderr}`));
        return;
      }
      // Only complete lines are acknowledgements; the kill may cut the last one short.
      const lines = stdout.split('\n').slice(0, -1);
      resolve(lines.map((line) => JSON.parse(line) as Ack));
    });
  });
}

describe('SqliteEventStore durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-durability-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged append when the writing process is killed', async () => {
    const file = path.join(dir, 'events.sqlite');
    const acks = await appendUntilKilled(file);
    expect(acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const store = await SqliteEventStore.open({ file });
    try {
      for (const ack of acks) {
        const fromRevision = ack.nextRevision - ack.count + 1;
        const events = await store.readStream(ack.streamId, { fromRevision, maxCount: ack.count });
        expect(events.map((e) => e.revision)).toEqual(events.map((_, n) => fromRevision + n));
        expect(events).toHaveLength(ack.count);
        expect(events[ack.count - 1].position).toBe(BigInt(ack.position));
        if (ack.commandId) {
          expect(await store.findCommand(ack.commandId)).toMatchObject({
            streamId: ack.streamId,
            fromRevision,
            toRevision: ack.nextRevision,
          });
        }
      }

      const all = await store.readAllStored({ maxCount: 100_000 });
      expect(all.map((e) => e.position)).toEqual(all.map((_, n) => BigInt(n + 1)));
      expect(verifyChains(all)).toEqual([]);

      // The reopened file carries on the same order and chains.
      const resumed = { type: 'Resumed', data: {}, metadata: { actor: 'durability@test', correlationId: 'c' } };
      const after = await store.append(acks[0].streamId, [resumed], 'stream_exists');
      expect(after.position).toBe(BigInt(all.length + 1));
      expect(verifyChains(await store.readStreamStored(acks[0].streamId))).toEqual([]);
    } finally {
      await store.close();
    }
  }, 15_000);
});
