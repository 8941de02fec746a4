import { InputError } from '../common/app-errors';

/**
 * Cursors are opaque to clients: a kind tag and a number, base64url-encoded. They name a place
 * in an append-only sequence, so a page boundary never moves while new events arrive.
 */
export const encodeCursor = (kind: string, value: bigint | number): string =>
  Buffer.from(`${kind}:${value.toString()}`, 'utf8').toString('base64url');

export const decodeCursor = (cursor: string, kind: string, field = 'after'): bigint => {
  const match = /^([a-z]+):(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== kind) throw new InputError(field, `"${cursor.slice(0, 60)}" is not a cursor of this list`);
  return BigInt(match[2] as string);
};

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export const pageSize = (first: number | null | undefined): number => {
  if (first === null || first === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new InputError('first', `first must be between 1 and ${MAX_PAGE}`);
  return first;
};
