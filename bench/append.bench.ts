/**
 * The append phase alone, as `npm run bench` runs it: every write workload taking its turns in
 * 250 ms slices on fresh files. Not a test: run it with
 *
 *   node -r @swc-node/register bench/append.bench.ts [--seconds 3]
 *
 * and it prints the figures with the load average before and after, and the two ratios the
 * targets compare (single commands / raw single-row inserts, concurrent / raw 64-row transactions).
 */
import * as os from 'node:os';
import { runAppendPhase } from './phases/append.phase';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

async function main(): Promise<void> {
  const seconds = Number(argument('seconds') ?? 3);
  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average before: ${load()}`);
  const cpuBefore = process.cpuUsage();
  const results = await runAppendPhase(seconds, (line) => console.log(line));
  const cpu = process.cpuUsage(cpuBefore);
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
  console.log(
    JSON.stringify({
      ...results,
      singleVsRaw: ratio(results.singleCommandsPerSec, results.rawInsertsPerSec),
      concurrentVsRawBatch: ratio(results.concurrentEventsPerSec, results.rawBatch64InsertsPerSec),
      singleVsPeer: ratio(results.singleCommandsPerSec, results.peer.appendsPerSec),
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    }),
  );
  console.log(`load average after: ${load()}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
