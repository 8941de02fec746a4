import { buildSchema, graphql } from 'graphql';
import { InputError } from '../common/app-errors';
import { acceptSnapshotIds, snapshotArgs } from './snapshot-args';

const ID = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';
const AT = '2026-03-01T12:00:00.000Z';

const objective = { name: 'objective', args: [{ name: 'id' }, { name: 'asOf' }] };
const plan = { name: 'businessPlan', args: [{ name: 'id' }, { name: 'version' }, { name: 'asOf' }] };
const template = { name: 'planTemplate', args: [{ name: 'id' }] };

const refusal = (run: () => unknown): InputError => {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('snapshotArgs', () => {
  it('leaves an entity id and the other arguments as they are', () => {
    const args = { id: ID, asOf: AT };

    expect(snapshotArgs(objective, args)).toBe(args);
  });

  it('turns a snapshot id into the entity id and the instant or version it names', () => {
    expect(snapshotArgs(objective, { id: `${ID}@${AT}` })).toEqual({ id: ID, asOf: AT });
    expect(snapshotArgs(plan, { id: `${ID}@v2` })).toEqual({ id: ID, version: 2 });
    expect(snapshotArgs(plan, { id: `${ID}@v2@${AT}`, version: null })).toEqual({ id: ID, version: 2, asOf: AT });
  });

  it('takes an asOf that says the same as the id', () => {
    expect(snapshotArgs(objective, { id: `${ID}@${AT}`, asOf: AT })).toEqual({ id: ID, asOf: AT });
  });

  it('refuses an asOf or version that contradicts the id, on that argument', () => {
    const asOf = refusal(() => snapshotArgs(objective, { id: `${ID}@${AT}`, asOf: '2026-01-01T00:00:00.000Z' }));
    const version = refusal(() => snapshotArgs(plan, { id: `${ID}@v2`, version: 3 }));

    expect([asOf.field, asOf.message]).toEqual([
      'asOf',
      `id names the answer with asOf ${AT} and asOf asks for 2026-01-01T00:00:00.000Z: leave asOf out, or pass the entityId`,
    ]);
    expect([version.field, version.message]).toEqual(['version', 'id names the answer with version 2 and version asks for 3: leave version out, or pass the entityId']);
  });

  it('refuses a snapshot the query cannot answer, naming the entity id to send instead', () => {
    const version = refusal(() => snapshotArgs(objective, { id: `${ID}@v2` }));
    const past = refusal(() => snapshotArgs(template, { id: `${ID}@${AT}` }));

    expect([version.field, version.message]).toEqual(['id', `id "${ID}@v2" names a version, which objective does not answer: pass its entityId, ${ID}`]);
    expect([past.field, past.message]).toEqual(['id', `id "${ID}@${AT}" names an answer as of an instant, which planTemplate does not answer: pass its entityId, ${ID}`]);
  });
});

describe('acceptSnapshotIds', () => {
  const schema = buildSchema(`
    interface Node { id: ID! }
    type Objective implements Node { id: ID! }
    type Report { id: ID! }
    type Query {
      objective(id: ID!, asOf: String): Objective
      report(id: ID!, asOf: String): Report
      node(id: ID!): Node
    }
  `);
  const seen: Record<string, unknown>[] = [];
  const record = (_source: unknown, args: Record<string, unknown>) => {
    seen.push(args);
    return { id: args.id };
  };
  for (const name of ['objective', 'report']) schema.getQueryType()!.getFields()[name]!.resolve = record;
  acceptSnapshotIds(schema);

  it('hands the queries that answer one entity the arguments its snapshot id stands for', async () => {
    seen.length = 0;
    const result = await graphql({ schema, source: `{ objective(id: "${ID}@${AT}") { id } }` });

    expect(result.errors).toBeUndefined();
    expect(seen).toEqual([{ id: ID, asOf: AT }]);
  });

  it('leaves other queries alone, even with an id argument', async () => {
    seen.length = 0;
    await graphql({ schema, source: `{ report(id: "${ID}@${AT}") { id } }` });

    expect(seen).toEqual([{ id: `${ID}@${AT}` }]);
  });

  it('answers a malformed snapshot id with an error on the field, before the resolver runs', async () => {
    seen.length = 0;
    const result = await graphql({ schema, source: `{ objective(id: "${ID}@soon") { id } }` });

    expect(result.errors?.[0]?.originalError).toBeInstanceOf(InputError);
    expect(seen).toEqual([]);
  });
});
