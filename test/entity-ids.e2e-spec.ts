import { today } from './support/days';
import { ESTABLISH_PMO, GET_PMO, GET_WORK_ENTRY, LOG_WORK } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The instant a version 7 UUID carries in its first 48 bits, in milliseconds. */
const instantOf = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('the ids the service gives new entities', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('given entities created one after another, when their ids are read, then each carries the instant it was created and later ones sort after earlier ones', async () => {
    const before = Date.now();
    const pmo = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Ids office', kind: 'PROJECT', head: 'Ada' } })).establishPmo;
    const entries: string[] = [];
    for (const hours of [1, 2, 3]) {
      const logged = await t.admin.ok(LOG_WORK, { input: { pmoId: pmo.id, person: 'ada@pmo.example', workedOn: today(), hours, description: `Entry of ${hours} h` } });
      entries.push(logged.logWork.id);
    }
    const after = Date.now();

    const ids = [pmo.id as string, ...entries];
    for (const id of ids) {
      expect(id).toMatch(UUID_V7);
      expect(instantOf(id)).toBeGreaterThanOrEqual(before);
      expect(instantOf(id)).toBeLessThanOrEqual(after);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // Created in turn, so their instants never run back; ids of one millisecond may sort either way.
    const instants = ids.map(instantOf);
    expect([...instants].sort((a, b) => a - b)).toEqual(instants);
    // A time-ordered id is an id like any other: the entity is found by it.
    expect((await t.admin.ok(GET_PMO, { id: pmo.id })).pmo).toMatchObject({ id: pmo.id, name: 'Ids office' });
    expect((await t.admin.ok(GET_WORK_ENTRY, { id: entries[2] })).workEntry).toMatchObject({ id: entries[2], hours: 3 });
  });
});
