import { InputError } from '../common/app-errors';
import { looksLikeSnapshotId, parseNodeId, snapshotId } from './snapshot-ids';

const ID = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const AT = '2026-03-01T12:00:00.000Z';

const refusal = (value: string, field = 'id'): InputError => {
  try {
    parseNodeId(value, field);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${value} was taken for an id`);
};

describe('snapshot ids', () => {
  it('are the entity id for a live answer, and name the instant or version of a past one', () => {
    expect(snapshotId(ID, { asOf: null, version: null })).toBe(ID);
    expect(snapshotId(ID, { asOf: AT, version: null })).toBe(`${ID}@${AT}`);
    expect(snapshotId(ID, { asOf: null, version: 2 })).toBe(`${ID}@v2`);
    expect(snapshotId(ID, { asOf: AT, version: 2 })).toBe(`${ID}@v2@${AT}`);
  });

  it.each([
    [{ asOf: null, version: null }],
    [{ asOf: AT, version: null }],
    [{ asOf: null, version: 12 }],
    [{ asOf: AT, version: 1 }],
  ])('read back as the snapshot they were made from: %j', (snapshot) => {
    expect(parseNodeId(snapshotId(ID, snapshot), 'id')).toEqual({ entityId: ID, snapshot });
  });

  it('tell apart every instant and version, so no two answers share one', () => {
    const ids = [null, AT, '2026-03-01T12:00:00.001Z'].flatMap((asOf) => [null, 1, 2].map((version) => snapshotId(ID, { asOf, version })));

    expect(new Set(ids).size).toBe(9);
  });

  it('read an instant in any offset as the same instant, and an id in capitals as the same id', () => {
    expect(parseNodeId(`${ID.toUpperCase()}@2026-03-01T13:00:00+01:00`, 'id')).toEqual({ entityId: ID, snapshot: { asOf: AT, version: null } });
  });

  it('are recognised by their separator, which no entity id holds', () => {
    expect(looksLikeSnapshotId(ID)).toBe(false);
    expect(looksLikeSnapshotId(`${ID}@v1`)).toBe(true);
  });

  it.each([
    ['not-an-id', 'id "not-an-id" is not an id'],
    [`objective-${ID}`, `id "objective-${ID}" is not an id`],
    [`${ID}@`, `id "${ID}@": "" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@yesterday`, `id "${ID}@yesterday": "yesterday" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@v0`, `id "${ID}@v0": "v0" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@2026-02-30T00:00:00Z`, `id "${ID}@2026-02-30T00:00:00Z": "2026-02-30T00:00:00Z" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@2026-03-01T12:00:00`, `id "${ID}@2026-03-01T12:00:00": "2026-03-01T12:00:00" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@${AT}@v2`, `id "${ID}@${AT}@v2": "v2" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@${AT}@${AT}`, `id "${ID}@${AT}@${AT}": "${AT}" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`],
    [`${ID}@v1@${AT}@x`, `id "${ID}@v1@${AT}@x" has more than a version and an instant after its entity id`],
  ])('refuse %s, saying which part is wrong', (value, message) => {
    const error = refusal(value);

    expect(error.field).toBe('id');
    expect(error.message).toBe(message);
  });

  it('name the field they came in, and show at most 120 characters of what was sent', () => {
    const error = refusal('x'.repeat(500), 'objectiveId');

    expect(error.field).toBe('objectiveId');
    expect(error.message).toBe(`objectiveId "${'x'.repeat(120)}…" is not an id`);
  });
});
