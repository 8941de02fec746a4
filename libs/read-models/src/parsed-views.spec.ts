import { ParsedViews, type StoredView, deepFreeze } from './parsed-views';

interface Row extends StoredView {
  readonly id: string;
}

const row = (id: string, revision: number, view: unknown): Row => ({ id, revision, state: JSON.stringify(view) });

/** A memo over JSON.parse that counts the parses it was asked for. */
const counting = (capacity?: number) => {
  const parses: string[] = [];
  const views = new ParsedViews<Row, { id: string; view: { title: string; tags: string[] } }>((r) => {
    parses.push(r.id);
    return { id: r.id, view: JSON.parse(r.state) };
  }, capacity);
  return { views, parses };
};

describe('ParsedViews', () => {
  it('given a row read before, when it is read again unchanged, then the first parse answers', () => {
    const { views, parses } = counting();
    const first = views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: ['a'] }));

    const again = views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: ['a'] }));

    expect(again).toBe(first);
    expect(parses).toEqual(['1']);
  });

  it('given a row read before, when a later event has been folded into it, then the new text is parsed', () => {
    const { views, parses } = counting();
    views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: [] }));

    const later = views.recordOf('objective-1', row('1', 4, { title: 'Milestones met on time', tags: [] }));

    expect(later.view.title).toBe('Milestones met on time');
    expect(parses).toEqual(['1', '1']);
  });

  it('given a row read before, when its text differs at the same revision (a rebuild by other code), then the row read now decides', () => {
    const { views } = counting();
    views.recordOf('objective-1', row('1', 3, { title: 'old shape', tags: [] }));

    const rebuilt = views.recordOf('objective-1', row('1', 3, { title: 'new shape', tags: [] }));

    expect(rebuilt.view.title).toBe('new shape');
  });

  it('given streams with the same revision, when each is read, then each answers its own record', () => {
    const { views } = counting();

    const one = views.recordOf('objective-1', row('1', 1, { title: 'one', tags: [] }));
    const two = views.recordOf('objective-2', row('2', 1, { title: 'two', tags: [] }));

    expect([one.view.title, two.view.title]).toEqual(['one', 'two']);
  });

  it('given a shared record, when a reader tries to change it at any depth, then it is refused', () => {
    const { views } = counting();
    const record = views.recordOf('objective-1', row('1', 1, { title: 'one', tags: ['x'] }));

    expect(() => {
      (record.view as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(() => record.view.tags.push('y')).toThrow(TypeError);
    expect(record.view).toEqual({ title: 'one', tags: ['x'] });
  });

  it('given more streams than two generations hold, when they are read in turn, then memory stays bounded and the oldest are parsed again', () => {
    const { views, parses } = counting(2);
    for (const id of ['1', '2', '3', '4', '5']) views.recordOf(`s-${id}`, row(id, 1, { title: id, tags: [] }));

    expect(views.size).toBeLessThanOrEqual(4);
    views.recordOf('s-1', row('1', 1, { title: '1', tags: [] }));
    expect(parses.filter((id) => id === '1')).toHaveLength(2);
  });

  it('given a stream read often, when many others pass through, then it stays remembered', () => {
    const { views, parses } = counting(2);
    const hot = () => views.recordOf('s-hot', row('hot', 1, { title: 'hot', tags: [] }));
    for (let i = 0; i < 10; i++) {
      hot();
      views.recordOf(`s-${i}`, row(String(i), 1, { title: String(i), tags: [] }));
    }

    expect(parses.filter((id) => id === 'hot')).toHaveLength(1);
  });

  it('given a scan, when its rows are read without remembering, then none is kept and a remembered one still answers', () => {
    const { views, parses } = counting();
    const hot = views.recordOf('s-hot', row('hot', 1, { title: 'hot', tags: [] }));

    const scanned = ['1', '2', '3'].map((id) => views.recordOf(`s-${id}`, row(id, 1, { title: id, tags: [] }), false));
    const hotInScan = views.recordOf('s-hot', row('hot', 1, { title: 'hot', tags: [] }), false);

    expect(scanned.map((record) => record.view.title)).toEqual(['1', '2', '3']);
    expect(hotInScan).toBe(hot);
    expect(views.size).toBe(1);
    expect(parses).toEqual(['hot', '1', '2', '3']);
  });

  it('given a row read at a generation of the store, when asked at that generation, then its record answers without a row', () => {
    const { views, parses } = counting();
    const read = views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: [] }), true, 7);

    expect(views.confirmed('objective-1', 7)).toBe(read);
    expect(views.confirmed('objective-1', 8)).toBeUndefined();
    expect(views.confirmed('objective-2', 7)).toBeUndefined();
    expect(parses).toEqual(['1']);
  });

  it('given a row read without a generation, when asked at any, then the row has to be read', () => {
    const { views } = counting();
    views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: [] }));

    expect(views.confirmed('objective-1', 1)).toBeUndefined();
  });

  it('given a record confirmed at one generation, when its row reads the same at a later one, then only the later one vouches for it', () => {
    const { views, parses } = counting();
    const first = views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: [] }), true, 7);

    const again = views.recordOf('objective-1', row('1', 3, { title: 'Milestones met', tags: [] }), true, 9);

    expect(again).toBe(first);
    expect(views.confirmed('objective-1', 9)).toBe(first);
    expect(views.confirmed('objective-1', 7)).toBeUndefined();
    expect(parses).toEqual(['1']);
  });

  it('given a record confirmed at a generation, when its row changed and is read at a later one, then the new record is the one confirmed', () => {
    const { views } = counting();
    views.recordOf('objective-1', row('1', 3, { title: 'old', tags: [] }), true, 7);

    const changed = views.recordOf('objective-1', row('1', 4, { title: 'new', tags: [] }), true, 8);

    expect(views.confirmed('objective-1', 8)).toBe(changed);
    expect(views.confirmed('objective-1', 7)).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer, naming it', () => {
    expect(() => new ParsedViews<Row, unknown>(() => null, 0)).toThrow(/capacity/);
  });
});

describe('deepFreeze', () => {
  it('freezes nested objects and arrays and leaves primitives alone', () => {
    const value = deepFreeze({ a: { b: [1, { c: 'd' }] }, e: null, f: 2 });

    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(value.f).toBe(2);
  });
});
