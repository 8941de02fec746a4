import type { AlignmentReader, NetworkFactsReader } from '@throughline/read-models';
import type { EntityReader } from '../common/entity-reader';
import { Loaders } from '../common/loaders';
import { NetworkLoaders } from './network.loaders';

/** Facts that answer every contact the same and count the questions asked of them. */
class CountingFacts {
  readonly asked: { readonly what: string; readonly ids: readonly string[]; readonly asOf: string | null }[] = [];

  lastTouchpointOfContacts(ids: readonly string[], asOf: string | null) {
    this.asked.push({ what: 'contacts', ids, asOf });
    return ids.map(() => '2026-03-01');
  }

  lastTouchpointNamingGroups(ids: readonly string[], asOf: string | null) {
    this.asked.push({ what: 'groups', ids, asOf });
    return ids.map(() => null);
  }

  groupsOfContacts(ids: readonly string[], asOf: string | null) {
    this.asked.push({ what: 'memberships', ids, asOf });
    return ids.map((id) => [`group-of-${id}`]);
  }
}

describe('the network’s request loaders', () => {
  it('ask the read model once per request for every contact of a list, per field and instant', async () => {
    const facts = new CountingFacts();
    const network = new NetworkLoaders(facts as unknown as NetworkFactsReader);
    const loaders = new Loaders({} as EntityReader, {} as AlignmentReader);
    const ids = ['a', 'b', 'c'];

    const [last, groups, lastThen, named] = await Promise.all([
      Promise.all(ids.map((id) => network.lastTouchpointOfContact(loaders, null).load(id))),
      Promise.all(ids.map((id) => network.groupsOfContact(loaders, null).load(id))),
      Promise.all(ids.map((id) => network.lastTouchpointOfContact(loaders, '2026-02-01T00:00:00.000Z').load(id))),
      network.lastTouchpointNamingGroup(loaders, null).loadMany(['g1', 'g2']),
    ]);

    expect(last).toEqual(['2026-03-01', '2026-03-01', '2026-03-01']);
    expect(groups).toEqual([['group-of-a'], ['group-of-b'], ['group-of-c']]);
    expect(lastThen).toHaveLength(3);
    expect(named).toEqual([null, null]);
    expect(facts.asked).toEqual([
      { what: 'contacts', ids, asOf: null },
      { what: 'memberships', ids, asOf: null },
      { what: 'contacts', ids, asOf: '2026-02-01T00:00:00.000Z' },
      { what: 'groups', ids: ['g1', 'g2'], asOf: null },
    ]);
  });
});
