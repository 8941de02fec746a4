import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { addDays, dayOf, objectiveDecider, type ObjectiveEvent, type ObjectiveState } from '@throughline/domain';
import { handleCommand, SqliteEventStore } from '@throughline/event-store';
import { SimulatedClock } from '../seed/seed-writer';
import { graphql } from '../support/service';
import { percentile, round } from '../support/stats';

export const AS_OF_SIZES = [100, 1000, 10_000] as const;

export interface MeasuredObjective {
  readonly id: string;
  readonly events: number;
  /** When its last event was recorded: as of then, every event is folded. */
  readonly lastRecordedAt: string;
}

/** Readings an automated metrics feed imports per append, as one batch of its run. */
const FEED_BATCH = 500;

/**
 * Objectives with exactly 100, 1,000 and 10,000 events, recorded after everything else: defined
 * through the command loop, then fed readings by an import that decides each one with the real
 * decider against the folded state and appends them in batches at the revision it read.
 */
export async function addMeasuredObjectives(dataDir: string, pmoId: string, startAt: string): Promise<MeasuredObjective[]> {
  const clock = new SimulatedClock();
  const store = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite'), clock: clock.read });
  const actor = 'metrics-feed@example.org';
  try {
    const created: MeasuredObjective[] = [];
    let instant = Date.parse(startAt);
    for (const size of AS_OF_SIZES) {
      const objectiveId = randomUUID();
      const streamId = `objective-${objectiveId}`;
      clock.set(new Date(instant).toISOString());
      const startsOn = addDays(dayOf(clock.now), -365);
      const defined = await handleCommand(store, objectiveDecider, {
        streamId,
        command: {
          type: 'DefineObjective',
          objectiveId,
          pmoId,
          title: `Build success rate (${size} readings)`,
          description: 'Fed by the CI metrics import',
          metric: { name: 'Builds passing', unit: '%', baseline: 70, target: 98 },
          startsOn,
          dueOn: addDays(startsOn, 730),
          owner: actor,
        },
        context: { now: clock.now, today: dayOf(clock.now), actor },
        metadata: { actor, correlationId: randomUUID() },
      });
      let state = defined.state as ObjectiveState;
      let revision = defined.revision;
      let lastRecordedAt = '';
      for (let done = 1; done < size; ) {
        instant += 60_000;
        clock.set(new Date(instant).toISOString());
        const context = { now: clock.now, today: dayOf(clock.now), actor };
        const batch: ObjectiveEvent[] = [];
        for (; batch.length < FEED_BATCH && done < size; done += 1) {
          const measuredOn = addDays(startsOn, Math.floor((done * 365) / size));
          const value = Math.round((70 + (28 * done) / size + Math.sin(done) * 2) * 100) / 100;
          const [event] = objectiveDecider.decide({ type: 'RecordProgress', objectiveId, value, measuredOn, note: null }, state, context);
          state = objectiveDecider.evolve(state, event as ObjectiveEvent);
          batch.push(event as ObjectiveEvent);
        }
        const metadata = { actor, correlationId: randomUUID() };
        const result = await store.append(streamId, batch.map((e) => ({ type: e.type, data: e.data as unknown as Record<string, unknown>, metadata })), revision);
        revision = result.nextRevision;
        lastRecordedAt = result.recordedAt;
      }
      created.push({ id: objectiveId, events: revision + 1, lastRecordedAt });
      instant += 3_600_000;
    }
    return created;
  } finally {
    await store.close();
  }
}

const AS_OF_QUERY = `query($id: ID!, $asOf: DateTime) {
  objective(id: $id, asOf: $asOf) { id status health currentValue progress expectedProgress revision
    targetRevisions { target reason } contributions { activity { id title } weight effectiveFrom } }
}`;

export interface AsOfLatency {
  readonly events: number;
  /** The first request for the objective: nothing about it cached yet. */
  readonly coldMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
}

/**
 * Sequential `objective(id, asOf)` requests over HTTP, each as of a slightly later instant after
 * the objective's last event, so every answer folds all its events and no two requests are the
 * same question.
 */
export async function measureAsOf(url: string, token: string, objectives: readonly MeasuredObjective[], requests: number): Promise<AsOfLatency[]> {
  const results: AsOfLatency[] = [];
  for (const objective of objectives) {
    const at = (i: number) => new Date(Date.parse(objective.lastRecordedAt) + 1 + i).toISOString();
    const ask = async (i: number) => {
      const data = await graphql<{ objective: { revision: number } | null }>(url, token, AS_OF_QUERY, { id: objective.id, asOf: at(i) });
      if (data.objective?.revision !== objective.events - 1) {
        throw new Error(`as of ${at(i)} objective ${objective.id} answered revision ${data.objective?.revision}, not ${objective.events - 1}`);
      }
    };
    const cold = process.hrtime.bigint();
    await ask(requests);
    const coldMs = Number(process.hrtime.bigint() - cold) / 1e6;
    for (let i = 1; i < 3; i += 1) await ask(requests + i);
    const latencies: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      const started = process.hrtime.bigint();
      await ask(i);
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    results.push({ events: objective.events, coldMs: round(coldMs), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), requests });
  }
  return results;
}
