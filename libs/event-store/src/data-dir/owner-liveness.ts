import * as fs from 'node:fs';
import * as os from 'node:os';

/** Who holds a data directory, as written in its lock file. */
export interface OwnerRecord {
  readonly pid: number;
  readonly hostname: string;
  /** When the owning process started (ISO), for people and for telling a reused pid of this process. */
  readonly startedAt: string;
  /** Linux: the kernel's boot id; another one means the machine restarted and every recorded process is gone. */
  readonly bootId: string | null;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat), which a reused pid does not share. */
  readonly processStart: string | null;
  /** What owns it, for the refusal message: "the service", "projections:rebuild"... */
  readonly purpose: string;
  /** Random, unique to one acquisition: a lock is removed only by the holder of its token. */
  readonly token: string;
}

/** What this process can find out about processes on its machine; replaced in tests. */
export interface ProcessProbe {
  readonly hostname: string;
  readonly pid: number;
  readonly startedAt: string;
  readonly bootId: string | null;
  /** The start time of a process in clock ticks since boot, or null where the system does not tell. */
  processStart(pid: number): string | null;
  /** Signal 0: 'gone' only when the system says no such process (ESRCH). */
  signal0(pid: number): 'exists' | 'gone';
}

const readOrNull = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses, so count from its closing one. */
export function linuxProcessStart(stat: string | null): string | null {
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return /^\d+$/.test(fields[19] ?? '') ? fields[19] : null;
}

/** Computed once, so every lock this process writes carries the same start. */
const STARTED_AT = new Date(Date.now() - Math.round(process.uptime() * 1000)).toISOString();

export const systemProbe: ProcessProbe = {
  hostname: os.hostname(),
  pid: process.pid,
  startedAt: STARTED_AT,
  bootId: readOrNull('/proc/sys/kernel/random/boot_id')?.trim() || null,
  processStart: (pid) => linuxProcessStart(readOrNull(`/proc/${pid}/stat`)),
  signal0: (pid) => {
    try {
      process.kill(pid, 0);
      return 'exists';
    } catch (error) {
      // EPERM: it exists, owned by another user. Anything but ESRCH counts as alive: refusing is the safe side.
      return (error as NodeJS.ErrnoException).code === 'ESRCH' ? 'gone' : 'exists';
    }
  },
};

/**
 * Why the recorded owner is certainly gone, or null when it may still run. Only a process on this
 * machine can be checked: a lock written on another host (a directory shared over the network)
 * is never judged stale.
 */
export function whyOwnerIsGone(owner: OwnerRecord, here: ProcessProbe): string | null {
  if (owner.hostname !== here.hostname) return null;
  if (owner.bootId !== null && here.bootId !== null && owner.bootId !== here.bootId) return 'the machine has restarted since';
  if (owner.pid === here.pid) {
    // Our own pid: another acquisition in this very process is alive; a process before us (a
    // restarted container runs as the same pid) is not.
    const samePast = owner.startedAt === here.startedAt && (owner.processStart === null || owner.processStart === here.processStart(here.pid));
    return samePast ? null : 'its pid is now this process';
  }
  if (here.signal0(owner.pid) === 'gone') return 'no process has its pid';
  const start = here.processStart(owner.pid);
  if (owner.processStart !== null && start !== null && start !== owner.processStart) return 'its pid now belongs to another process';
  return null;
}
