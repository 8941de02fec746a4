import * as fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { EventStore } from '@throughline/event-store';
import { EntityStateReader } from '@throughline/read-models';
import { CATEGORY, entityIdOf } from '@throughline/runtime';

/** The entities a PMO owns, by category: what replaying one PMO has to fold. */
export interface PmoEntities {
  readonly objectives: readonly string[];
  readonly plans: readonly string[];
  readonly activities: readonly string[];
}

/** The events that start an owned entity, and so name its PMO. */
const OWNED_BY_PMO: Readonly<Record<string, keyof PmoEntities>> = {
  ObjectiveDefined: 'objectives',
  BusinessPlanDrafted: 'plans',
  ActivityPlanned: 'activities',
};

/** The events that move an owned entity to a merger's successor; it was the PMO's before them. */
const MOVED_BETWEEN_PMOS: Readonly<Record<string, keyof PmoEntities>> = {
  ObjectiveTransferred: 'objectives',
  BusinessPlanTransferred: 'plans',
  ActivityTransferred: 'activities',
};

const SCAN_BATCH = 5000;

/** The PMO and the successors it merged into, in order. */
const successionOf = (states: EntityStateReader, pmoId: string): string[] => {
  const chain = [pmoId];
  for (;;) {
    const view = states.get<{ readonly merger?: { readonly successorId: string } | null }>(CATEGORY.pmo, chain[chain.length - 1]!)?.view;
    const next = view?.merger?.successorId;
    if (!next || chain.includes(next)) return chain;
    chain.push(next);
  }
};

/**
 * Finds the objectives and plans that were a PMO's at some instant (some may have moved to a
 * merger's successor since; the snapshot keeps those that were its own at the instant asked)
 * without replaying the store: the service's read model lists
 * those it had seen (opened read-only, so a running service is undisturbed), and only the events
 * after its checkpoint are scanned for newer ones. Without a read model the whole feed is scanned.
 * The read model only chooses which streams to fold; every answer is folded from the events.
 */
export async function findPmoEntities(store: EventStore, readModelsFile: string | null, pmoId: string): Promise<PmoEntities> {
  const found = { objectives: new Set<string>(), plans: new Set<string>(), activities: new Set<string>() };
  let scanFrom: bigint | undefined;

  if (readModelsFile && fs.existsSync(readModelsFile)) {
    const db = new BetterSqlite3(readModelsFile, { readonly: true, fileMustExist: true });
    try {
      const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((t) => t.name);
      const checkpoint = tables.includes('checkpoint')
        ? db.prepare<[], { position: string }>("SELECT position FROM checkpoint WHERE name = 'projector'").get()
        : undefined;
      if (tables.includes('entity_state') && checkpoint) {
        const states = new EntityStateReader(db);
        // What a merger moved away is listed under the successor now, so the chain is searched too.
        for (const owner of successionOf(states, pmoId)) {
          for (const r of states.list(CATEGORY.objective, { pmoId: owner })) found.objectives.add(r.entityId);
          for (const r of states.list(CATEGORY.plan, { pmoId: owner })) found.plans.add(r.entityId);
          for (const r of states.list(CATEGORY.activity, { pmoId: owner })) found.activities.add(r.entityId);
        }
        scanFrom = BigInt(checkpoint.position);
      }
    } finally {
      db.close();
    }
  }

  for (let after = scanFrom; ; ) {
    const batch = await store.readAll({ ...(after === undefined ? {} : { after }), maxCount: SCAN_BATCH });
    if (batch.length === 0) break;
    for (const event of batch) {
      const owned = OWNED_BY_PMO[event.type];
      if (owned && event.data.pmoId === pmoId) found[owned].add(entityIdOf(event.streamId));
      const moved = MOVED_BETWEEN_PMOS[event.type];
      if (moved && (event.data.fromPmoId === pmoId || event.data.toPmoId === pmoId)) found[moved].add(entityIdOf(event.streamId));
    }
    after = batch[batch.length - 1]!.position;
  }
  return { objectives: [...found.objectives], plans: [...found.plans], activities: [...found.activities] };
}
