import fc from 'fast-check';
import { mulberry32, Random, timeOrderedIdFrom } from './random';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The instant a version 7 UUID carries in its first 48 bits, in milliseconds. */
const instantOf = (id: string): number => parseInt(id.slice(0, 8) + id.slice(9, 13), 16);

describe('the seed\'s time-ordered ids', () => {
  it('given any instants, when ids are made for them, then each is a version 7 UUID carrying its instant, and they sort as the instants do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.array(fc.integer({ min: 0, max: 2 ** 47 }), { minLength: 1, maxLength: 50 }), (seed, instants) => {
        const id = timeOrderedIdFrom(mulberry32(seed));
        const ids = instants.map((at) => ({ at, id: id(at) }));

        for (const made of ids) {
          expect(made.id).toMatch(UUID_V7);
          expect(instantOf(made.id)).toBe(made.at);
        }
        const byId = [...ids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((made) => made.at);
        expect(byId).toEqual([...instants].sort((a, b) => a - b));
      }),
    );
  });

  it('given one seed, when the ids of one instant are made twice, then they are the same, and within one run they differ', () => {
    const at = Date.parse('2025-03-14T17:00:00.000Z');
    const first = Array.from({ length: 1000 }, ((id) => () => id(at))(timeOrderedIdFrom(mulberry32(7))));
    const again = Array.from({ length: 1000 }, ((id) => () => id(at))(timeOrderedIdFrom(mulberry32(7))));

    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('given two seeds alike, when one names an entity with a random id and the other with a time-ordered one, then every later choice is the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1 }), fc.integer({ min: 0, max: 2 ** 47 }), fc.nat({ max: 20 }), (seed, at, before) => {
        const random = new Random(seed);
        const ordered = new Random(seed);
        for (let i = 0; i < before; i++) expect(ordered.next()).toBe(random.next());

        random.uuid();
        ordered.timeOrderedId(at);

        expect(Array.from({ length: 5 }, () => ordered.next())).toEqual(Array.from({ length: 5 }, () => random.next()));
      }),
    );
  });
});
