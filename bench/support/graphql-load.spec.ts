import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphqlLoad, loadAlone, loadInTurns } from './graphql-load';
import { round } from './stats';

/** Answers every POST with a GraphQL body, an error for queries that ask for one; remembers who asked, in order. */
const countingServer = async (): Promise<{ url: string; served: string[]; close: () => Promise<void> }> => {
  const served: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const { query } = JSON.parse(body) as { query: string };
      served.push(query);
      response.setHeader('content-type', 'application/json');
      response.end(query === 'failing' ? '{"errors":[{"message":"no"}]}' : '{"data":{"__typename":"Query"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(() => resolve())) };
};

/** The runs of equal values in order: ['a', 'a', 'b', 'a'] is ['a', 'b', 'a']. */
const runsOf = (values: readonly string[]): string[] => values.filter((value, index) => index === 0 || values[index - 1] !== value);

describe('GraphQL loads for the benchmark', () => {
  let server: Awaited<ReturnType<typeof countingServer>>;
  const load = (query: string): GraphqlLoad => ({ name: query, next: () => ({ query }), connections: 2, server: { url: server.url, token: null } });

  beforeEach(async () => {
    server = await countingServer();
  });
  afterEach(() => server.close());

  it('given two loads and two rounds, when they run in turns, then each runs once a round, in order, after one warm-up each', async () => {
    const lines: string[] = [];

    const [first, second] = await loadInTurns([load('first'), load('second')], { seconds: 2, rounds: 2, warmupSeconds: 1 }, (line) => lines.push(line));

    expect(runsOf(server.served)).toEqual(['first', 'second', 'first', 'second', 'first', 'second']);
    expect(first!.rounds).toBe(2);
    expect(second!.rounds).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^first: .* req\/s, .* \(2 rounds\)$/), expect.stringMatching(/^second: .* \(2 rounds\)$/)]);
  });

  it('given rounds, when a figure is pooled, then it counts every answer of every round over the seconds of all of them', async () => {
    const [figure] = await loadInTurns([load('counted')], { seconds: 2, rounds: 2, warmupSeconds: 0 }, () => undefined);

    // The server may have answered a few that autocannon stopped waiting for at each round's end.
    const served = server.served.length;
    expect(figure!.requests).toBeGreaterThan(0);
    expect(figure!.requests).toBeLessThanOrEqual(served);
    expect(served - figure!.requests).toBeLessThanOrEqual(2 * 2);
    // Both rounds' seconds, not the first's alone (each about one).
    expect(figure!.seconds).toBeGreaterThan(1.5);
    expect(figure!.reqPerSec).toBe(round(figure!.requests / figure!.seconds));
    expect(figure!.failures).toBe(0);
  });

  it('given answers carrying GraphQL errors, when the load runs alone, then every answer counts as a failure', async () => {
    const figure = await loadAlone(load('failing'), { seconds: 1, rounds: 3, warmupSeconds: 0 }, () => undefined);

    expect(figure.rounds).toBe(1);
    expect(figure.requests).toBeGreaterThan(0);
    expect(figure.failures).toBe(figure.requests);
  });
});
