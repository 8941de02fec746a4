import type { FastifyReply, FastifyRequest } from 'fastify';
import { batchesUpTo, requestedOperationName } from './batches';
import { RequestRefusedError } from './request-refusal';

const post = (body: unknown) => ({ method: 'POST', body }) as FastifyRequest;
const ops = (n: number) => Array.from({ length: n }, () => ({ query: '{ pmos { id } }' }));

const refusal = async (limit: number, body: unknown): Promise<RequestRefusedError | null> => {
  let outcome: Error | null | undefined;
  batchesUpTo(limit)(post(body), {} as FastifyReply, (error?: Error) => {
    outcome = error ?? null;
  });
  if (outcome === undefined) throw new Error('the hook did not finish');
  if (outcome === null || outcome instanceof RequestRefusedError) return outcome;
  throw outcome;
};

describe('the batch limit', () => {
  it('lets a batch of up to the limit through, and a single operation whatever the limit', async () => {
    expect(await refusal(3, ops(3))).toBeNull();
    expect(await refusal(0, { query: '{ pmos { id } }' })).toBeNull();
  });

  it('refuses a batch over the limit, saying how many it holds and may hold', async () => {
    const error = await refusal(3, ops(4));

    expect([error?.code, error?.statusCode, error?.message]).toEqual([
      'BATCH_TOO_LARGE',
      400,
      'a batch may hold at most 3 operations and this one holds 4: send the rest in another request',
    ]);
  });

  it('refuses an empty batch, and any batch when the limit is 0', async () => {
    expect((await refusal(3, []))?.message).toBe('the batch is empty: send at least one operation');
    expect((await refusal(0, ops(1)))?.code).toBe('BATCH_REFUSED');
  });
});

describe('the operation name a hook reads', () => {
  const context = (body: unknown, operationId?: number) => ({ reply: { request: { body, query: {} } }, operationId }) as never;

  it('is the batch element’s own, or the request’s when it came alone', () => {
    const batch = [{ query: 'query A { a: pmos { id } } query B { b: pmos { id } }', operationName: 'A' }, { query: '...', operationName: 'B' }];

    expect(requestedOperationName(context(batch, 1))).toBe('B');
    expect(requestedOperationName(context(batch, 0))).toBe('A');
    expect(requestedOperationName(context({ query: '...', operationName: 'Alone' }))).toBe('Alone');
    expect(requestedOperationName(context({ query: '...' }))).toBeUndefined();
  });
});
