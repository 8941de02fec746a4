import { daysFromToday, today } from './support/days';
import { ESTABLISH_PMO } from './support/operations';
import { PAGE_INFO, pageBackward, pageForward, type Page, type PageArgs } from './support/paging';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(180_000);

interface Entry {
  readonly id: string;
  readonly workedOn: string;
  readonly person: string;
}

const ENTRIES = 1000;
const DAYS = 100;
const PEOPLE = ['ada@org.test', 'bob@org.test', 'cy@org.test', 'di@org.test'];
/** The cap the service runs with here, one below the entries logged. */
const CAP = ENTRIES - 1;
const FROM = daysFromToday(-400);
const TO = today();

const LOG = `mutation($input: LogWorkInput!) { logWork(input: $input) { id workedOn person } }`;
const PAGE = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $person: String, $first: Int, $after: String, $last: Int, $before: String) {
  workEntriesConnection(pmoId: $pmoId, from: $from, to: $to, person: $person, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id workedOn person } } ${PAGE_INFO}
  }
}`;
const OLD_LIST = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $person: String) {
  workEntries(pmoId: $pmoId, from: $from, to: $to, person: $person) { id workedOn person }
}`;

/** The list's order: the day, then the id. */
const byKey = (a: Entry, b: Entry): number => (a.workedOn !== b.workedOn ? (a.workedOn < b.workedOn ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const after = (key: Entry) => (entry: Entry) => byKey(entry, key) > 0;
const ids = (entries: readonly Entry[]) => entries.map((entry) => entry.id);

/**
 * A thousand work entries paged through workEntriesConnection over HTTP, forwards and backwards:
 * every entry exactly once and in order, the ends of the list where they are, entries logged while
 * a client pages neither lost nor repeated, bad arguments refused by name, and the old unbounded
 * list refused past its cap instead of cut short.
 */
describe('work entries a page at a time', () => {
  let t: TestApp;
  let pmoId: string;
  let logged: Entry[];

  const log = async (workedOn: string, person: string, description = 'Portfolio review'): Promise<Entry> =>
    (await t.admin.ok(LOG, { input: { pmoId, person, workedOn, hours: 1, description } })).logWork as Entry;
  const page = async (args: PageArgs & { person?: string }): Promise<Page<Entry>> =>
    (await t.admin.ok(PAGE, { pmoId, from: FROM, to: TO, ...args })).workEntriesConnection as Page<Entry>;

  beforeAll(async () => {
    // Durability and the mutation rate limit are not what is tried here.
    t = await startTestApp({ env: { PMO_SQLITE_SYNCHRONOUS: 'NORMAL', PMO_MUTATION_RATE_LIMIT: '0', PMO_LIST_CAP: String(CAP) } });
    pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Paged office', kind: 'PROGRAMME' } })).establishPmo.id;
    logged = [];
    // In parallel batches, spread over a hundred days and four people (2.5 hours each a day).
    for (let start = 0; start < ENTRIES; start += 50) {
      const batch = Array.from({ length: Math.min(50, ENTRIES - start) }, (_, i) => start + i);
      logged.push(...(await Promise.all(batch.map((n) => log(daysFromToday(-101 - (n % DAYS)), PEOPLE[n % PEOPLE.length]!)))));
    }
    logged.sort(byKey);
  });
  afterAll(() => t.close());

  it('pages forward 37 at a time through exactly the thousand entries, in order, none twice', async () => {
    const { nodes, pages } = await pageForward(page, 37);

    expect(pages).toHaveLength(Math.ceil(ENTRIES / 37));
    expect(new Set(ids(nodes)).size).toBe(ENTRIES);
    expect(nodes).toEqual(logged);
    expect(pages.every((p) => p.totalCount === ENTRIES)).toBe(true);
    expect(pages[0]!.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    expect(pages[pages.length - 1]!.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
  });

  it('pages backward 37 at a time from the end through the same thousand, in the same order', async () => {
    const { nodes, pages } = await pageBackward(page, 37);

    expect(pages).toHaveLength(Math.ceil(ENTRIES / 37));
    expect(new Set(ids(nodes)).size).toBe(ENTRIES);
    expect(nodes).toEqual(logged);
    expect(pages[0]!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // The last page backwards is the list's first 1000 mod 37 entries.
    expect(pages[pages.length - 1]!.edges).toHaveLength(ENTRIES % 37);
    expect(pages[pages.length - 1]!.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('turns round mid-list: the page before a cursor ends where the page after it began', async () => {
    const third = await page({ first: 37, after: (await page({ first: 74 })).pageInfo.endCursor! });
    const back = await page({ last: 37, before: third.pageInfo.startCursor! });
    const between = await page({ first: 10, after: back.pageInfo.startCursor!, before: third.pageInfo.endCursor! });

    expect(ids(third.edges.map((e) => e.node))).toEqual(ids(logged.slice(74, 111)));
    expect(ids(back.edges.map((e) => e.node))).toEqual(ids(logged.slice(37, 74)));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(ids(between.edges.map((e) => e.node))).toEqual(ids(logged.slice(38, 48)));
  });

  it('narrows to one person, counting only theirs', async () => {
    const ada = logged.filter((entry) => entry.person === PEOPLE[0]);
    const { nodes, pages } = await pageForward((args) => page({ ...args, person: PEOPLE[0] }), 60);
    const old = (await t.admin.ok(OLD_LIST, { pmoId, from: FROM, to: TO, person: PEOPLE[0] })).workEntries as Entry[];

    expect(ada).toHaveLength(ENTRIES / PEOPLE.length);
    expect(nodes).toEqual(ada);
    expect(pages[0]!.totalCount).toBe(ada.length);
    // The old list answers the same entries in the same order while they are fewer than the cap.
    expect(old).toEqual(nodes);
  });

  it('refuses the old list of all thousand past its cap, naming the connection, instead of cutting it short', async () => {
    const refused = await t.admin.fails(OLD_LIST, { pmoId, from: FROM, to: TO });

    expect(refused.extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', field: 'workEntries', connection: 'workEntriesConnection', cap: CAP });
    expect(refused.message).toContain('workEntriesConnection');
  });

  it('refuses a malformed or foreign cursor, a page beyond 500 and first with last, naming the argument', async () => {
    const foreign = (await t.admin.ok(`{ pmosConnection(first: 1) { edges { cursor } } }`)).pmosConnection.edges[0].cursor as string;
    const tampered = Buffer.from(JSON.stringify(['workEntries', 'not a day'])).toString('base64url');
    const failures = await Promise.all([
      t.admin.fails(PAGE, { pmoId, from: FROM, to: TO, after: 'not a cursor' }),
      t.admin.fails(PAGE, { pmoId, from: FROM, to: TO, after: foreign }),
      t.admin.fails(PAGE, { pmoId, from: FROM, to: TO, before: tampered }),
      t.admin.fails(PAGE, { pmoId, from: FROM, to: TO, first: 501 }),
      t.admin.fails(PAGE, { pmoId, from: FROM, to: TO, last: 0 }),
      t.admin.fails(PAGE, { pmoId, from: FROM, to: TO, first: 5, last: 5 }),
    ]);

    expect(failures.map((f) => f.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'after' },
      { code: 'BAD_USER_INPUT', field: 'after' },
      { code: 'BAD_USER_INPUT', field: 'before' },
      { code: 'BAD_USER_INPUT', field: 'first' },
      { code: 'BAD_USER_INPUT', field: 'last' },
      { code: 'BAD_USER_INPUT', field: 'last' },
    ]);
    expect(failures[3]!.message).toContain('500');
  });

  it('prices a connection by the page it asks for, in the document or in a variable', async () => {
    const nested = `query($n: Int, $m: Int) { pmosConnection(first: $n) { edges { node { objectivesConnection(first: $m) { edges { node { id title } } } } } } }`;

    // pmosConnection + n × (edges + node + objectivesConnection + m × (edges + node + id + title)) and so on: 5 × 5 is cheap, 100 × 100 is not.
    await t.admin.ok(nested, { n: 5, m: 5 });
    const costly = await t.admin.fails(nested, { n: 100, m: 100 });
    const literal = await t.admin.fails(nested.replace('first: $n', 'first: 100').replace('first: $m', 'first: 100'), {});

    expect(costly.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(costly.message).toMatch(/estimated cost of the operation is \d+; at most 5000/);
    expect(literal.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('neither loses nor repeats an entry when entries are logged between pages', async () => {
    const before = (await pageForward(page, 500)).nodes;
    const first = await page({ first: 300 });
    const boundary = first.edges[first.edges.length - 1]!.node;
    // On the first day (behind the boundary), the boundary's own day (either side of it, by id) and the last day (ahead).
    const added = await Promise.all([
      ...PEOPLE.map((person) => log(logged[0]!.workedOn, person, 'Logged late')),
      ...PEOPLE.map((person) => log(boundary.workedOn, person, 'Logged late')),
      ...PEOPLE.map((person) => log(logged[logged.length - 1]!.workedOn, person, 'Logged late')),
    ]);

    const rest: Entry[] = [];
    for (let cursor = first.pageInfo.endCursor; cursor !== null; ) {
      const next = await page({ first: 150, after: cursor });
      rest.push(...next.edges.map((edge) => edge.node));
      cursor = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    const seen = [...first.edges.map((edge) => edge.node), ...rest];
    const now = [...before, ...added].sort(byKey);

    expect(before).toEqual(logged);
    expect(first.edges.map((edge) => edge.node)).toEqual(logged.slice(0, 300));
    expect(rest).toEqual(now.filter(after(boundary)));
    expect(new Set(ids(seen)).size).toBe(seen.length);
    expect(ids(seen)).toEqual(expect.arrayContaining(ids(logged)));
    expect(rest.filter((entry) => added.some((a) => a.id === entry.id)).length).toBeGreaterThanOrEqual(PEOPLE.length);
    expect((await page({ first: 1 })).totalCount).toBe(ENTRIES + added.length);
  });
});
