import { addDays, dayOf } from '@throughline/domain';
import { ALIGNMENT } from '../../test/support/operations';
import { startBareGraphql } from '../support/bare-graphql';
import { type GraphqlLoad, type LoadFigure, loadAlone, loadInTurns } from '../support/graphql-load';
import { graphql } from '../support/service';
import { round } from '../support/stats';

export interface GraphqlResults {
  /** `{ __typename }` from a bare Fastify + Mercurius server in its own process: the limit `trivial` is compared with. */
  readonly bareTrivial: LoadFigure;
  /** The same from Nest 11 with its Fastify adapter and Mercurius driver and nothing of the service's: what the framework alone costs. */
  readonly bareNestTrivial: LoadFigure;
  readonly trivial: LoadFigure;
  readonly objective: LoadFigure;
  readonly alignment: LoadFigure & { readonly entries: number; readonly hours: number };
  /** The alignment report for one client at a time: its latency without queueing behind others. */
  readonly alignmentOneClient: LoadFigure;
  readonly mutation: LoadFigure;
  readonly connections: number;
  /** Seconds each figure was loaded for, in all (bareTrivial to alignment: in `rounds` turns). */
  readonly seconds: number;
  readonly rounds: number;
}

export interface GraphqlTargets {
  readonly url: string;
  readonly token: string;
  /** The 50-person programme office and the year its work covers. */
  readonly anchorPmoId: string;
  readonly from: string;
  readonly to: string;
  readonly objectiveIds: readonly string[];
  /** Left out of the mutation load: the as-of objectives, whose long streams would dominate it. */
  readonly excludeFromMutations: readonly string[];
}

const TRIVIAL = '{ __typename }';
const OBJECTIVE = `query($id: ID!) {
  objective(id: $id) { id title status health currentValue progress expectedProgress revision
    contributions { activity { id title } rationale weight effectiveFrom } }
}`;
const RECORD_PROGRESS = `mutation($input: RecordProgressInput!) {
  recordProgress(input: $input) { id currentValue progress expectedProgress health revision }
}`;
const OBJECTIVES_PAGE = `query($after: String) {
  portfolioConnection(first: 500, after: $after) { edges { node { id status } } pageInfo { hasNextPage endCursor } }
}`;
const ENTRY_COUNT = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!) {
  workEntriesConnection(pmoId: $pmoId, from: $from, to: $to, first: 1) { totalCount }
}`;

interface ObjectivesPage {
  readonly portfolioConnection: {
    readonly edges: readonly { readonly node: { readonly id: string; readonly status: string } }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** Every objective of the organisation, a page at a time: a large one holds more than the unbounded list answers. */
const allObjectives = async (url: string, token: string): Promise<{ id: string; status: string }[]> => {
  const objectives: { id: string; status: string }[] = [];
  for (let after: string | null = null; ; ) {
    const { portfolioConnection: page }: ObjectivesPage = await graphql<ObjectivesPage>(url, token, OBJECTIVES_PAGE, { after });
    objectives.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return objectives;
    after = page.pageInfo.endCursor;
  }
};

/** Days at each end of the year over which the alignment windows move. */
const WINDOW_SHIFT_DAYS = 28;

/**
 * The alignment questions in turn: the year starting on one of its first 28 days and ending on
 * one of its last 28, each pair once before any comes again (784 windows, 337 to 365 days, 49 to
 * 53 weekly buckets). Each request asks a question of its own, so no answer to an earlier one
 * would serve it: the figure is the cost of a report, not of repeating one.
 */
const alignmentWindows = (from: string, to: string): (() => { from: string; to: string }) => {
  let i = 0;
  return () => {
    const k = i++;
    return { from: addDays(from, k % WINDOW_SHIFT_DAYS), to: addDays(to, -(Math.floor(k / WINDOW_SHIFT_DAYS) % WINDOW_SHIFT_DAYS)) };
  };
};

/**
 * Load from autocannon in this process against the service in its own: a query that touches no
 * data, objective(id) with progress and contributions, the alignment report for a year of the
 * 50-person office (by ISO week), and recordProgress on many active objectives.
 */
export async function runGraphqlPhase(
  targets: GraphqlTargets,
  settings: { seconds: number; rounds: number; warmupSeconds: number; connections: number },
  log: (line: string) => void,
): Promise<GraphqlResults> {
  const { url, token } = targets;
  const service = { url, token };
  const loadOf = (name: string, next: GraphqlLoad['next'], connections = settings.connections, server: GraphqlLoad['server'] = service): GraphqlLoad => ({
    name,
    next,
    connections,
    server,
  });
  const cycle = <T>(items: readonly T[]) => {
    let i = 0;
    return () => items[i++ % items.length] as T;
  };

  const alignmentVariables = { pmoId: targets.anchorPmoId, from: targets.from, to: targets.to, granularity: 'WEEK' };
  const report = await graphql<{ alignment: { totalHours: number; buckets: unknown[] } }>(url, token, ALIGNMENT, alignmentVariables);
  // A year of the office's work is more entries than a list answers at once: counted, not listed.
  const entries = await graphql<{ workEntriesConnection: { totalCount: number } }>(url, token, ENTRY_COUNT, alignmentVariables);

  // The loads the targets compare, in turns; the bare servers run in their own processes throughout
  // (idle while the others are loaded), under the same settings. The bare Nest server's figure is
  // no target's: it splits the trivial query's gap into the framework's share and the service's.
  const bare = await startBareGraphql('fastify');
  const bareNest = await startBareGraphql('nest').catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  const nextObjective = cycle(targets.objectiveIds);
  const nextWindow = alignmentWindows(targets.from, targets.to);
  const [bareTrivial, bareNestTrivial, trivial, objective, alignment] = await loadInTurns(
    [
      loadOf('trivial query, bare Fastify + Mercurius', () => ({ query: TRIVIAL }), settings.connections, { url: bare.url, token: null }),
      loadOf('trivial query, bare Nest + Mercurius driver', () => ({ query: TRIVIAL }), settings.connections, { url: bareNest.url, token: null }),
      loadOf('trivial query', () => ({ query: TRIVIAL })),
      loadOf('objective(id)', () => ({ query: OBJECTIVE, variables: { id: nextObjective() } })),
      loadOf('alignment, a year of 50 people', () => ({ query: ALIGNMENT, variables: { ...alignmentVariables, ...nextWindow() } })),
    ],
    settings,
    log,
  ).finally(() => Promise.all([bare.stop(), bareNest.stop()]));
  const alignmentOneClient = await loadAlone(
    loadOf('alignment, one client', () => ({ query: ALIGNMENT, variables: { ...alignmentVariables, ...nextWindow() } }), 1),
    settings,
    log,
  );

  const active = (await allObjectives(url, token)).filter((o) => o.status === 'ACTIVE' && !targets.excludeFromMutations.includes(o.id)).map((o) => o.id);
  if (active.length === 0) throw new Error('no ACTIVE objective to record progress on');
  const nextActive = cycle(active);
  const today = dayOf(new Date().toISOString());
  let value = 0;
  const mutation = await loadAlone(
    loadOf(`recordProgress over ${active.length} objectives`, () => ({
      query: RECORD_PROGRESS,
      variables: { input: { objectiveId: nextActive(), value: 50 + (value++ % 40), measuredOn: today } },
    })),
    settings,
    log,
  );

  return {
    bareTrivial,
    bareNestTrivial,
    trivial,
    objective,
    alignment: { ...alignment, entries: entries.workEntriesConnection.totalCount, hours: round(report.alignment.totalHours, 6) },
    alignmentOneClient,
    mutation,
    connections: settings.connections,
    seconds: settings.seconds,
    rounds: settings.rounds,
  };
}
