import { type Upcaster, Upcasters } from './upcasting';

const stored = (schemaVersion: number, data: Record<string, unknown>) => ({
  type: 'TargetSet',
  schemaVersion,
  data,
  hash: 'h',
});

describe('Upcasters', () => {
  const chain: Upcaster[] = [
    { type: 'TargetSet', fromVersion: 2, upcast: (data) => ({ ...data, confidence: 'unstated' }) },
    { type: 'TargetSet', fromVersion: 1, upcast: ({ target }) => ({ value: target, unit: 'count' }) },
  ];

  it('lifts an event through every later version in order, whatever order they were given in', () => {
    const lifted = new Upcasters(chain).apply(stored(1, { target: 5 }));
    expect(lifted).toEqual({
      type: 'TargetSet',
      schemaVersion: 3,
      data: { value: 5, unit: 'count', confidence: 'unstated' },
      hash: 'h',
    });
  });

  it('starts from the stored version and leaves current or unknown shapes as they are', () => {
    const upcasters = new Upcasters(chain);
    expect(upcasters.apply(stored(2, { value: 1, unit: 'days' })).data).toEqual({
      value: 1,
      unit: 'days',
      confidence: 'unstated',
    });
    const current = stored(3, { value: 1 });
    expect(upcasters.apply(current)).toBe(current);
    const other = { ...stored(1, {}), type: 'ObjectiveDefined' };
    expect(upcasters.apply(other)).toBe(other);
  });

  it('does not modify the event it was given', () => {
    const original = stored(1, { target: 5 });
    new Upcasters(chain).apply(original);
    expect(original).toEqual(stored(1, { target: 5 }));
  });

  it('refuses two upcasters for the same type and version, or a version below 1', () => {
    expect(() => new Upcasters([chain[0], { ...chain[0] }])).toThrow(/two upcasters/);
    expect(() => new Upcasters([{ ...chain[0], fromVersion: 0 }])).toThrow(RangeError);
  });
});
