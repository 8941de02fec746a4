import { addDays, type LocalDate } from '@throughline/domain';
import { seedLargeNetwork, type LargeNetwork } from '../seed/network-at-scale';
import { graphql, ServiceUnderTest } from '../support/service';
import { percentile, round } from '../support/stats';

const HEALTH_QUERY = `query($pmoId: ID!, $on: LocalDate) {
  networkHealth(pmoId: $pmoId, on: $on) {
    on contacts potentialLines newContactsLast90Days stale champions critics crossGroupTouchpoints valueGiven valueReceived stanceChanges
    neglected { id }
    groups { group { id name cadenceDays } overdue daysSinceLastTouchpoint nextDueOn touchpoints dominantVehicleShare leaningOnOneVehicle vehicles { vehicle touchpoints share } }
  }
}`;

const MAP_QUERY = `query($pmoId: ID!) { networkMap(pmoId: $pmoId) { nodes { id } edges { from to touchpoints } } }`;

export interface NetworkLatency {
  /** p50 of `networkHealth` of the PMO at scale, over HTTP. */
  readonly healthMs: number;
  readonly healthP99Ms: number;
  readonly healthRequests: number;
  /** Champions and critics each answer judged neglected, at most: how much of the answer is contacts. */
  readonly neglected: number;
  /** p50 of `networkMap` of the same PMO, over HTTP: every contact and every pair that met. */
  readonly mapMs: number;
  readonly mapP99Ms: number;
  readonly mapRequests: number;
  readonly mapEdges: number;
}

const timed = async <T>(requests: number, ask: (i: number) => Promise<T>): Promise<{ latencies: number[]; last: T | undefined }> => {
  for (let i = 0; i < 2; i += 1) await ask(i);
  const latencies: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    last = await ask(i);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { latencies, last };
};

/**
 * Sequential `networkHealth` requests for the PMO at scale (2,000 contacts, 50,000 touchpoints),
 * each about another of the last days it has touchpoints for (so no two are the same question),
 * then sequential `networkMap` requests, each after two warm-ups.
 */
export async function measureNetwork(url: string, token: string, network: LargeNetwork, requests: { health: number; map: number }): Promise<NetworkLatency> {
  const days: LocalDate[] = Array.from({ length: 60 }, (_, i) => addDays(network.to, -i));
  let neglected = 0;
  const health = await timed(requests.health, async (i) => {
    const answer = await graphql<{ networkHealth: { neglected: unknown[] } }>(url, token, HEALTH_QUERY, { pmoId: network.pmoId, on: days[i % days.length] });
    neglected = Math.max(neglected, answer.networkHealth.neglected.length);
    return answer;
  });
  const map = requests.map === 0 ? { latencies: [0], last: undefined } : await timed(requests.map, () => graphql<{ networkMap: { edges: unknown[] } }>(url, token, MAP_QUERY, { pmoId: network.pmoId }));
  return {
    healthMs: round(percentile(health.latencies, 50)),
    healthP99Ms: round(percentile(health.latencies, 99)),
    healthRequests: requests.health,
    neglected,
    mapMs: round(percentile(map.latencies, 50)),
    mapP99Ms: round(percentile(map.latencies, 99)),
    mapRequests: requests.map,
    mapEdges: map.last?.networkMap.edges.length ?? 0,
  };
}

export interface NetworkAtScale extends NetworkLatency {
  readonly contacts: number;
  readonly touchpoints: number;
  /** Events the network took, and the seconds the seed took to write them. */
  readonly events: number;
  readonly seedSeconds: number;
  /** Ready time of the start that projected them. */
  readonly firstStartMs: number;
}

/**
 * Adds the PMO with a network at the target's size to a seeded data directory no service runs
 * on, starts the built service on it (which projects the new events) and measures it there. Run
 * after every other figure is taken, so it changes none of them.
 */
export async function measureNetworkAtScale(
  dataDir: string,
  requests: { health: number; map: number },
  log: (line: string) => void = () => undefined,
): Promise<NetworkAtScale> {
  const lastDay = addDays(new Date().toISOString().slice(0, 10), -1);
  const network = await seedLargeNetwork(dataDir, { lastDay });
  log(`seeded ${network.contacts} contacts and ${network.touchpoints} touchpoints (${network.events} events) in ${round(network.seconds)} s`);
  const { service, readyMs } = await ServiceUnderTest.start(dataDir);
  try {
    log(`projected them on start, ready in ${round(readyMs)} ms`);
    const latency = await measureNetwork(service.url, service.adminToken(), network, requests);
    return { ...latency, contacts: network.contacts, touchpoints: network.touchpoints, events: network.events, seedSeconds: round(network.seconds), firstStartMs: round(readyMs) };
  } finally {
    await service.stop();
  }
}
