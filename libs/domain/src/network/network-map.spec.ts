import fc from 'fast-check';
import { networkMap } from './network-map';

describe('the network map', () => {
  it('joins every two contacts who took part in a touchpoint together, weighted by how many, each pair once', () => {
    const map = networkMap(['c', 'a', 'b', 'd'], [{ contactIds: ['c', 'a', 'b'] }, { contactIds: ['b', 'a'] }, { contactIds: ['d'] }]);
    expect(map).toEqual({
      nodes: ['c', 'a', 'b', 'd'],
      edges: [
        { from: 'a', to: 'b', touchpoints: 2 },
        { from: 'a', to: 'c', touchpoints: 1 },
        { from: 'b', to: 'c', touchpoints: 1 },
      ],
    });
  });

  it('given any touchpoints, then each edge counts the touchpoints its two contacts shared, and no pair is missing', () => {
    const ids: readonly string[] = ['a', 'b', 'c', 'd', 'e'];
    const id = fc.constantFrom(...ids);
    fc.assert(
      fc.property(fc.array(fc.record({ contactIds: fc.uniqueArray(id, { minLength: 1, maxLength: 5 }) }), { maxLength: 30 }), (touchpoints) => {
        const expected = ids.flatMap((from) =>
          ids
            .filter((to) => from < to)
            .map((to) => ({ from, to, touchpoints: touchpoints.filter((t) => t.contactIds.includes(from) && t.contactIds.includes(to)).length }))
            .filter((edge) => edge.touchpoints > 0),
        );
        expect(networkMap(ids, touchpoints).edges).toEqual(expected);
      }),
    );
  });
});
