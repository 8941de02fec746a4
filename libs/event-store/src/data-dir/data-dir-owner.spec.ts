import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataDirInUseError, DataDirOwner, OWNER_GUARD_FILE, OWNER_LOCK_FILE, type OwnerRecord } from './data-dir-owner';
import { linuxProcessStart, type ProcessProbe, systemProbe, whyOwnerIsGone } from './owner-liveness';

const repoRoot = path.resolve(__dirname, '../../../..');

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-owner-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const lockIn = (dir: string) => path.join(dir, OWNER_LOCK_FILE);
const readLock = (dir: string): OwnerRecord => JSON.parse(fs.readFileSync(lockIn(dir), 'utf8'));
const writeLock = (dir: string, owner: Partial<OwnerRecord>) =>
  fs.writeFileSync(
    lockIn(dir),
    JSON.stringify({
      pid: 999_999,
      hostname: systemProbe.hostname,
      startedAt: '2026-01-01T00:00:00.000Z',
      bootId: systemProbe.bootId,
      processStart: null,
      purpose: 'the service',
      token: 'theirs',
      ...owner,
    }),
  );

/** The pid of a process that has exited, so the system no longer knows it. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid as number;

/** Polls until the condition holds; the test's own timeout bounds it. */
const waitFor = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
};

const refusal = (work: () => unknown): DataDirInUseError => {
  try {
    work();
  } catch (error) {
    if (error instanceof DataDirInUseError) return error;
    throw error;
  }
  throw new Error('expected DataDirInUseError');
};

describe('DataDirOwner', () => {
  it('given a free directory, when a process takes it, then the lock names that process until it lets go', () => {
    const dir = tempDir();

    const owner = DataDirOwner.acquire(dir, 'the service');

    expect(readLock(dir)).toMatchObject({ pid: process.pid, hostname: os.hostname(), purpose: 'the service', token: owner.record.token });
    expect(owner.replaced).toBeNull();
    owner.release();
    expect(fs.existsSync(lockIn(dir))).toBe(false);
    DataDirOwner.acquire(dir, 'the service').release();
  });

  it('given an owned directory, when another acquisition tries, then it is refused with one line naming the directory and the pid', () => {
    const dir = tempDir();
    const owner = DataDirOwner.acquire(dir, 'the service');
    try {
      const error = refusal(() => DataDirOwner.acquire(dir, 'projections:rebuild'));

      expect(error.message).toContain(`data directory ${dir} is in use by pid ${process.pid} (the service on host ${os.hostname()}`);
      expect(error.message).not.toContain('\n');
      expect(readLock(dir).token).toBe(owner.record.token);
    } finally {
      owner.release();
    }
  });

  it('given the lock of a live process, when another acquisition tries, then it is refused and the lock is left alone', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      writeLock(dir, { pid: child.pid, processStart: systemProbe.processStart(child.pid as number) });

      const error = refusal(() => DataDirOwner.acquire(dir, 'the service'));

      expect(error.message).toContain(`is in use by pid ${child.pid}`);
      expect(readLock(dir).token).toBe('theirs');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('given the lock of a killed process, when the next process starts, then it takes the directory over', () => {
    const dir = tempDir();
    const pid = deadPid();
    writeLock(dir, { pid });

    const owner = DataDirOwner.acquire(dir, 'the service');

    expect(owner.replaced).toEqual({ owner: expect.objectContaining({ pid, token: 'theirs' }), why: 'no process has its pid' });
    expect(readLock(dir).token).toBe(owner.record.token);
    owner.release();
  });

  it('given a lock written on another host, when a process here starts, then it is refused, being unable to check it', () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), hostname: 'elsewhere.example' });

    const error = refusal(() => DataDirOwner.acquire(dir, 'the service'));

    expect(error.message).toContain('on host elsewhere.example');
    expect(error.message).toContain(`if it is gone, delete ${lockIn(dir)}`);
  });

  it('given an unreadable lock, when a process starts, then it is refused and told what to check', () => {
    const dir = tempDir();
    fs.writeFileSync(lockIn(dir), '{"pid": 12');

    const error = refusal(() => DataDirOwner.acquire(dir, 'the service'));

    expect(error.message).toBe(`data directory ${dir} is in use: its lock file ${lockIn(dir)} cannot be read; if no service or command uses the directory, delete that file`);
  });

  it('given a lock replaced by another owner, when the first releases, then it leaves the other one in place', () => {
    const dir = tempDir();
    const owner = DataDirOwner.acquire(dir, 'the service');
    fs.rmSync(lockIn(dir));
    writeLock(dir, { pid: process.pid, token: 'someone else' });

    owner.release();

    expect(readLock(dir).token).toBe('someone else');
  });

  it('given a stale lock, when another starter is taking it over, then an acquisition waits for it and finds the new owner', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid() });
    // Another starter in the middle of a takeover: it holds the guard, and replaces the stale lock
    // with its own a moment later. Without the guard this acquisition would judge the stale lock
    // too and take the directory at the same time.
    const takeover = `
      const fs = require('node:fs');
      const Database = require('better-sqlite3');
      const guard = new Database(${JSON.stringify(path.join(dir, OWNER_GUARD_FILE))});
      guard.exec('BEGIN EXCLUSIVE');
      process.stdout.write('holding\\n');
      setTimeout(() => {
        fs.rmSync(${JSON.stringify(lockIn(dir))});
        fs.writeFileSync(${JSON.stringify(lockIn(dir))}, JSON.stringify({ pid: process.pid, hostname: require('node:os').hostname(), startedAt: 'then', purpose: 'the service', token: 'new owner' }));
        guard.exec('ROLLBACK');
      }, 500);
      process.stdin.on('end', () => process.exit(0)).resume();`;
    const child = spawn(process.execPath, ['-e', takeover], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      let out = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      await waitFor(() => out.includes('holding'));

      const error = refusal(() => DataDirOwner.acquire(dir, 'projections:rebuild'));

      expect(error.message).toContain(`is in use by pid ${child.pid}`);
      expect(readLock(dir).token).toBe('new owner');
    } finally {
      child.stdin?.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('whyOwnerIsGone', () => {
  const here: ProcessProbe = {
    hostname: 'here',
    pid: 100,
    startedAt: '2026-05-01T08:00:00.000Z',
    bootId: 'boot-1',
    processStart: (pid) => (pid === 100 ? '5000' : pid === 200 ? '7000' : null),
    signal0: (pid) => (pid === 200 || pid === 300 || pid === 100 ? 'exists' : 'gone'),
  };
  const owner = (fields: Partial<OwnerRecord>): OwnerRecord => ({
    pid: 200,
    hostname: 'here',
    startedAt: '2026-05-01T07:00:00.000Z',
    bootId: 'boot-1',
    processStart: '7000',
    purpose: 'the service',
    token: 't',
    ...fields,
  });

  it('given a process that still runs (or answers EPERM), then it may be alive', () => {
    expect(whyOwnerIsGone(owner({}), here)).toBeNull();
    expect(whyOwnerIsGone(owner({ pid: 300, processStart: null }), here)).toBeNull();
  });

  it('given a pid the system does not know, then the owner is gone', () => {
    expect(whyOwnerIsGone(owner({ pid: 400 }), here)).toBe('no process has its pid');
  });

  it('given a live pid that started at another time, then the pid was reused and the owner is gone', () => {
    expect(whyOwnerIsGone(owner({ processStart: '6999' }), here)).toBe('its pid now belongs to another process');
  });

  it('given another boot id, then the machine restarted and the owner is gone', () => {
    expect(whyOwnerIsGone(owner({ bootId: 'boot-0' }), here)).toBe('the machine has restarted since');
  });

  it('given this process pid written by an earlier process (a restarted container), then the owner is gone', () => {
    expect(whyOwnerIsGone(owner({ pid: 100, processStart: '4000' }), here)).toBe('its pid is now this process');
    expect(whyOwnerIsGone(owner({ pid: 100, processStart: '5000', startedAt: here.startedAt }), here)).toBeNull();
  });

  it('given another host, then nothing here can tell, and the owner may be alive', () => {
    expect(whyOwnerIsGone(owner({ hostname: 'there', pid: 400, bootId: 'boot-0' }), here)).toBeNull();
  });

  it('reads signal 0: ESRCH is gone, EPERM is alive', () => {
    const kill = jest.spyOn(process, 'kill');
    try {
      kill.mockImplementationOnce(() => {
        throw Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });
      });
      expect(systemProbe.signal0(12345)).toBe('gone');
      kill.mockImplementationOnce(() => {
        throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
      });
      expect(systemProbe.signal0(12345)).toBe('exists');
    } finally {
      kill.mockRestore();
    }
  });

  it('reads the start time from /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (node (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 1 0 0 20 0 11 0 987654 1000 200';
    expect(linuxProcessStart(stat)).toBe('987654');
    expect(linuxProcessStart(null)).toBeNull();
  });
});
