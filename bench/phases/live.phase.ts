import { randomUUID } from 'node:crypto';
import { dayOf } from '@throughline/domain';
import { issueToken, loadOrCreateSigningSecret } from '@throughline/runtime';
import { LiveConnection, type Followed } from '../support/live';
import { graphql } from '../support/service';
import { elapsedMs, percentile, round } from '../support/stats';

const RECORD_PROGRESS = `mutation($input: RecordProgressInput!) {
  recordProgress(input: $input) { id currentValue progress expectedProgress health revision }
}`;
const OBJECTIVE_CHANGED = `subscription($pmoId: ID) { objectiveChanged(pmoId: $pmoId) { id title currentValue progress expectedProgress health revision } }`;
const EVENT_RECORDED = `subscription($after: String) { eventRecorded(after: $after) { position streamId type actor recordedAt commandId data } }`;
const OBJECTIVE_STATUS = `query($id: ID!) { objective(id: $id) { id status pmo { id } } }`;
const LOG_END = `query($first: Int, $last: Int) { auditLog(first: $first, last: $last) { edges { node { position } } } }`;

interface ObjectiveDelivery {
  readonly id: string;
  readonly revision: number;
}

interface EventDelivery {
  readonly position: string;
  readonly commandId: string | null;
}

export interface LiveLatency {
  /** p50 and p99 from sending `recordProgress` to the `objectiveChanged` delivery showing its revision, one subscriber. */
  readonly objectiveChangedMs: number;
  readonly objectiveChangedP99Ms: number;
  /** The same mutations' own round trip (p50), for comparison: the answer and the delivery race. */
  readonly mutationMs: number;
  readonly mutations: number;
  /**
   * p50 and p99 from the mutation's answer to the last of the subscribers reading its event off
   * `eventRecorded` (negative when every one of them had it before the answer arrived).
   */
  readonly eventRecordedFanoutMs: number;
  readonly eventRecordedFanoutP99Ms: number;
  /** The same from sending the mutation. */
  readonly eventRecordedFanoutFromSendMs: number;
  readonly eventRecordedFanoutFromSendP99Ms: number;
  readonly subscribers: number;
  /** `eventRecorded(after:)` from the audit log's first event: events delivered per second while catching up. */
  readonly catchUpEventsPerSec: number;
  readonly catchUpEvents: number;
  readonly catchUpMs: number;
}

export interface LiveTargets {
  readonly url: string;
  readonly token: string;
  /** Where the service keeps its signing secret: the subscribers' tokens are minted with it. */
  readonly dataDir: string;
  /** Objectives to record progress on; the first ACTIVE one is used. */
  readonly objectiveIds: readonly string[];
}

export interface LiveSettings {
  readonly mutations: number;
  readonly subscribers: number;
  readonly catchUpEvents: number;
}

const WARM_UPS = 2;
const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
const p = (values: readonly number[]) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)) });

/**
 * Live updates against the running service, the benchmark process being every client: sequential
 * `recordProgress` on one objective watched by one `objectiveChanged` subscriber; the same watched
 * by many `eventRecorded` subscribers, each on its own connection under its own subject (so the
 * per-subject connection limit is not what is measured); then one subscriber catching up on the
 * audit log from its first event.
 */
export async function measureLive(targets: LiveTargets, settings: LiveSettings, log: (line: string) => void = () => undefined): Promise<LiveLatency> {
  const { url, token } = targets;
  const objective = await firstActive(url, token, targets.objectiveIds);
  const today = dayOf(new Date().toISOString());
  let value = 0;
  const record = async (commandId: string | null = null) => {
    const input = { objectiveId: objective.id, value: 50 + (value++ % 40), measuredOn: today, ...(commandId ? { commandId } : {}) };
    return (await graphql<{ recordProgress: { revision: number } }>(url, token, RECORD_PROGRESS, { input })).recordProgress;
  };

  const changed = await objectiveChanged(url, token, objective, settings.mutations, record);
  log(`objectiveChanged: p50 ${changed.p50} ms, p99 ${changed.p99} ms over ${settings.mutations} mutations (the mutation itself p50 ${changed.mutationP50} ms)`);
  const fanout = await eventRecordedFanout(targets, settings, record);
  log(`eventRecorded to ${settings.subscribers} subscribers: last one p50 ${fanout.fromAnswer.p50} ms, p99 ${fanout.fromAnswer.p99} ms after the answer (${fanout.fromSend.p50} / ${fanout.fromSend.p99} ms after sending)`);
  const catchUp = await catchUpRate(url, token, settings.catchUpEvents);
  log(`catch-up: ${settings.catchUpEvents} events in ${round(catchUp.ms)} ms, ${round(catchUp.perSec)} events/s`);

  return {
    objectiveChangedMs: changed.p50,
    objectiveChangedP99Ms: changed.p99,
    mutationMs: changed.mutationP50,
    mutations: settings.mutations,
    eventRecordedFanoutMs: fanout.fromAnswer.p50,
    eventRecordedFanoutP99Ms: fanout.fromAnswer.p99,
    eventRecordedFanoutFromSendMs: fanout.fromSend.p50,
    eventRecordedFanoutFromSendP99Ms: fanout.fromSend.p99,
    subscribers: settings.subscribers,
    catchUpEventsPerSec: round(catchUp.perSec),
    catchUpEvents: settings.catchUpEvents,
    catchUpMs: round(catchUp.ms),
  };
}

async function firstActive(url: string, token: string, ids: readonly string[]): Promise<{ id: string; pmoId: string }> {
  for (const id of ids) {
    const { objective } = await graphql<{ objective: { status: string; pmo: { id: string } } | null }>(url, token, OBJECTIVE_STATUS, { id });
    if (objective?.status === 'ACTIVE') return { id, pmoId: objective.pmo.id };
  }
  throw new Error(`none of the ${ids.length} objectives is ACTIVE to record progress on`);
}

async function objectiveChanged(
  url: string,
  token: string,
  objective: { id: string; pmoId: string },
  mutations: number,
  record: () => Promise<{ revision: number }>,
): Promise<{ p50: number; p99: number; mutationP50: number }> {
  const connection = await LiveConnection.open(url, token);
  try {
    const followed = connection.follow<ObjectiveDelivery>(OBJECTIVE_CHANGED, { pmoId: objective.pmoId });
    const shows = (revision: number) => (o: ObjectiveDelivery) => o.id === objective.id && o.revision >= revision;
    // The protocol does not say when the server has set a subscription up: record until one is delivered.
    for (let attempt = 1; ; attempt += 1) {
      const { revision } = await record();
      const delivered = await followed.until(shows(revision), 'objectiveChanged after a warm-up', 1_000).then(() => true, () => false);
      if (delivered) break;
      if (attempt === 20) throw new Error('objectiveChanged delivered nothing after 20 mutations');
    }
    for (let i = 0; i < WARM_UPS; i += 1) await followed.until(shows((await record()).revision), 'objectiveChanged');
    const latencies: number[] = [];
    const answers: number[] = [];
    for (let i = 0; i < mutations; i += 1) {
      const sent = process.hrtime.bigint();
      const { revision } = await record();
      answers.push(elapsedMs(sent));
      // A delivery that came before the answer is still waiting in `followed`, stamped when it came.
      const delivery = await followed.until(shows(revision), `objectiveChanged showing revision ${revision}`);
      latencies.push(ms(sent, delivery.at));
    }
    followed.stop();
    return { ...p(latencies), mutationP50: p(answers).p50 };
  } finally {
    await connection.close();
  }
}

async function eventRecordedFanout(
  targets: LiveTargets,
  settings: LiveSettings,
  record: (commandId: string) => Promise<unknown>,
): Promise<{ fromAnswer: { p50: number; p99: number }; fromSend: { p50: number; p99: number } }> {
  const secret = loadOrCreateSigningSecret(targets.dataDir);
  const run = randomUUID().slice(0, 8);
  const tokens = await Promise.all(
    Array.from({ length: settings.subscribers }, (_, i) => issueToken(secret, { subject: `live-bench-${run}-${i}`, roles: ['AUDITOR'], ttlSeconds: 3_600 })),
  );
  // From the log's last event, so what is recorded while the server sets the subscriptions up is delivered all the same.
  const after = await logEnd(targets.url, targets.token, 'last');
  const connections: LiveConnection[] = [];
  try {
    for (const subscriberToken of tokens) connections.push(await LiveConnection.open(targets.url, subscriberToken));
    const subscribers = connections.map((c) => c.follow<EventDelivery>(EVENT_RECORDED, { after }));
    const everyOneHas = (commandId: string) =>
      Promise.all(subscribers.map((s: Followed<EventDelivery>) => s.until((event) => event.commandId === commandId, `the event of command ${commandId}`)));
    for (let i = 0; i < WARM_UPS; i += 1) {
      const commandId = `live-bench-${run}-warm-${i}`;
      await record(commandId);
      await everyOneHas(commandId);
    }
    const fromAnswer: number[] = [];
    const fromSend: number[] = [];
    for (let i = 0; i < settings.mutations; i += 1) {
      const commandId = `live-bench-${run}-${i}`;
      const sent = process.hrtime.bigint();
      await record(commandId);
      const answered = process.hrtime.bigint();
      const arrivals = await everyOneHas(commandId);
      const last = arrivals.reduce((latest, a) => (a.at > latest ? a.at : latest), arrivals[0]!.at);
      fromAnswer.push(ms(answered, last));
      fromSend.push(ms(sent, last));
    }
    for (const s of subscribers) s.stop();
    return { fromAnswer: p(fromAnswer), fromSend: p(fromSend) };
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
}

async function catchUpRate(url: string, token: string, events: number): Promise<{ ms: number; perSec: number }> {
  const first = await logEnd(url, token, 'first');
  const connection = await LiveConnection.open(url, token);
  try {
    let delivered = 0;
    const started = process.hrtime.bigint();
    const followed = connection.follow<EventDelivery>(EVENT_RECORDED, { after: first });
    const last = await followed.until(() => ++delivered === events, `${events} events caught up (the log may hold fewer)`);
    followed.stop();
    const took = ms(started, last.at);
    return { ms: took, perSec: (events / took) * 1000 };
  } finally {
    await connection.close();
  }
}

/** The position of the audit log's first or last event. */
async function logEnd(url: string, token: string, end: 'first' | 'last'): Promise<string> {
  const { auditLog } = await graphql<{ auditLog: { edges: { node: { position: string } }[] } }>(url, token, LOG_END, { [end]: 1 });
  const edge = auditLog.edges[0];
  if (!edge) throw new Error('the audit log is empty');
  return edge.node.position;
}
