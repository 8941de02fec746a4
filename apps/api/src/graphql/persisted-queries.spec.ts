import { parse } from 'graphql';
import { InputError } from '../common/app-errors';
import { PersistedQueryNotFoundError, PersistedQueryNotSupportedError, persistedQueries, sha256Of, writesInlineText } from './persisted-queries';

const QUERY = '{ pmos { id name } }';
const hashed = (query: string, version = 1) => ({ extensions: { persistedQuery: { version, sha256Hash: sha256Of(query) } } });

describe('automatic persisted queries', () => {
  const provider = () => persistedQueries({ maxQueries: 2, maxCharacters: 1000 });

  it('hash a query as Apollo’s PersistedQueryLink does: SHA-256 of the UTF-8 text, in lower-case hex', () => {
    // The FIPS 180-2 test vector.
    expect(sha256Of('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('tell a hash sent alone from a hash sent with its text', () => {
    const p = provider();

    expect(p.isPersistedQuery(hashed(QUERY))).toBe(true);
    expect(p.isPersistedQueryRetry(hashed(QUERY))).toBe(false);
    expect(p.isPersistedQuery({ query: QUERY, ...hashed(QUERY) })).toBe(false);
    expect(p.isPersistedQueryRetry({ query: QUERY, ...hashed(QUERY) })).toBe(true);
    expect(p.isPersistedQuery({ query: QUERY })).toBe(false);
  });

  it('answer an unknown hash with PersistedQueryNotFound, then the text kept under it', async () => {
    const p = provider();
    const hash = p.getHash(hashed(QUERY)) as string;

    await expect(p.getQueryFromHash(hash)).rejects.toBeInstanceOf(PersistedQueryNotFoundError);
    await p.saveQuery(p.getHashForQuery(QUERY), QUERY);

    expect(await p.getQueryFromHash(hash)).toBe(QUERY);
  });

  it('read a hash in capitals as the same hash', async () => {
    const p = provider();
    await p.saveQuery(sha256Of(QUERY), QUERY);
    const shouted = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256Of(QUERY).toUpperCase() } } };

    expect(await p.getQueryFromHash(p.getHash(shouted) as string)).toBe(QUERY);
  });

  it('keep the queries used last, within the bound', async () => {
    const p = provider();
    const queries = ['{ a: pmos { id } }', '{ b: pmos { id } }', '{ c: pmos { id } }'];
    await p.saveQuery(sha256Of(queries[0]!), queries[0]!);
    await p.saveQuery(sha256Of(queries[1]!), queries[1]!);
    await p.getQueryFromHash(sha256Of(queries[0]!));
    await p.saveQuery(sha256Of(queries[2]!), queries[2]!);

    expect(await p.getQueryFromHash(sha256Of(queries[0]!))).toBe(queries[0]);
    await expect(p.getQueryFromHash(sha256Of(queries[1]!))).rejects.toBeInstanceOf(PersistedQueryNotFoundError);
    expect(await p.getQueryFromHash(sha256Of(queries[2]!))).toBe(queries[2]);
  });

  it('keep no text longer than all the room there is', async () => {
    const p = provider();
    const long = `{ ${'pmos { id } '.repeat(100)}}`;
    await p.saveQuery(sha256Of(long), long);

    await expect(p.getQueryFromHash(sha256Of(long))).rejects.toBeInstanceOf(PersistedQueryNotFoundError);
  });

  it('run but never keep a mutation that writes text inline, where personal data would sit', async () => {
    const p = provider();
    const inline = 'mutation { addContact(input: { pmoId: "p", name: "Ada Lovelace" }) { id } }';
    const withVariables = 'mutation($input: AddContactInput!) { addContact(input: $input) { id } }';
    await p.saveQuery(sha256Of(inline), inline);
    await p.saveQuery(sha256Of(withVariables), withVariables);

    await expect(p.getQueryFromHash(sha256Of(inline))).rejects.toBeInstanceOf(PersistedQueryNotFoundError);
    expect(await p.getQueryFromHash(sha256Of(withVariables))).toBe(withVariables);
  });

  it('refuse a hash alone in another protocol version, and ignore it beside the text', () => {
    const p = provider();

    expect(() => p.getHash(hashed(QUERY, 2))).toThrow(PersistedQueryNotSupportedError);
    expect(p.getHash({ query: QUERY, ...hashed(QUERY, 2) })).toBe(false);
  });

  it('refuse a hash that cannot be a SHA-256, on its field', () => {
    const p = provider();
    const bad = { extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } };

    expect(() => p.getHash(bad)).toThrow(InputError);
    expect(() => p.getHash(bad)).toThrow('extensions.persistedQuery.sha256Hash must be a SHA-256 hash: 64 hexadecimal digits');
  });
});

describe('writesInlineText', () => {
  it.each([
    ['a query with string literals', '{ objective(id: "x") { id } }', false],
    ['a mutation with variables only', 'mutation($i: I!) { recordProgress(input: $i) { id } }', false],
    ['a mutation with numbers and enums inline', 'mutation { closeObjective(input: { outcome: ACHIEVED, value: 3 }) { id } }', false],
    ['a mutation with a string inline', 'mutation { renamePmo(input: { name: "Ada" }) { id } }', true],
    ['a document holding a query and a mutation with a string', 'query Q { pmos { id } } mutation M { renamePmo(input: { name: "Ada" }) { id } }', true],
  ])('%s: %s', (_name, query, writes) => {
    expect(writesInlineText(parse(query))).toBe(writes);
  });
});
