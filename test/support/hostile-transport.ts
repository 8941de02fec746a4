/** Hostile requests at the level of HTTP and of the GraphQL document. */
import { SignJWT, UnsecuredJWT } from 'jose';
import { loadOrCreateSigningSecret } from '@throughline/runtime';
import { today } from './days';
import { ESTABLISH_PMO, RECORD_PROGRESS } from './operations';
import { ESTABLISH_LITERAL, establish, gql, http, parentChain, type Hostile } from './hostile-requests';

export const transport: Hostile[] = [
  { name: 'malformed JSON', send: (w) => http(w, { body: '{"query": "mutation {' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty JSON body', send: (w) => http(w, { body: '' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'a JSON null body', send: (w) => http(w, { body: 'null' }), code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a JSON string body', send: (w) => http(w, { body: JSON.stringify(`mutation { ${ESTABLISH_LITERAL} }`) }), code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a batch of eleven mutations (ten at most)',
    send: (w) => http(w, { body: JSON.stringify(Array.from({ length: 11 }, () => ({ query: `mutation { ${ESTABLISH_LITERAL} }` }))) }),
    status: 400,
    code: 'BATCH_TOO_LARGE',
  },
  { name: 'an empty batch', send: (w) => http(w, { body: '[]' }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'a mutation sent with the hash of another text',
    send: (w) =>
      http(w, {
        body: JSON.stringify({ query: `mutation { ${ESTABLISH_LITERAL} }`, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
    field: 'extensions.persistedQuery.sha256Hash',
  },
  {
    name: 'a hash no query was kept under',
    send: (w) => http(w, { body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }) }),
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'a hash that is not a SHA-256',
    send: (w) => http(w, { body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'mutation' } } }) }),
    code: 'BAD_USER_INPUT',
    field: 'extensions.persistedQuery.sha256Hash',
  },
  { name: 'a JSON object without a query', send: (w) => http(w, { body: '{}' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty query', send: (w) => http(w, { body: JSON.stringify({ query: '' }) }), status: 400, code: 'BAD_REQUEST' },
  { name: 'a query that is a number', send: (w) => http(w, { body: '{"query": 42}' }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a query with a syntax error', send: (w) => http(w, { body: JSON.stringify({ query: '{ pmos { id ' }) }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a query with a stray character', send: (w) => http(w, { body: JSON.stringify({ query: '{ pmos { id } } ~' }) }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  {
    name: 'a made-up syntax tree in place of a mutation',
    send: (w) =>
      http(w, {
        body: JSON.stringify({
          query: JSON.stringify({ kind: 'Document', definitions: [{ kind: 'OperationDefinition', operation: 'mutation', selectionSet: { kind: 'SelectionSet' } }] }),
        }),
      }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'variables that are a string', send: (w) => http(w, { body: JSON.stringify({ query: ESTABLISH_PMO, variables: 'input' }) }), code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a __proto__ key in the body',
    send: (w) => http(w, { body: `{"query": ${JSON.stringify(ESTABLISH_PMO)}, "variables": {"input": {"name": "P", "kind": "PROJECT", "__proto__": {"admin": true}}}}` }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a constructor.prototype key in the body',
    send: (w) => http(w, { body: `{"query": "{ pmos { id } }", "constructor": {"prototype": {"polluted": true}}}` }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'text/plain content', send: (w) => http(w, { body: `mutation { ${ESTABLISH_LITERAL} }`, contentType: 'text/plain' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'XML content', send: (w) => http(w, { body: '<mutation/>', contentType: 'application/xml' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  {
    name: 'form-encoded content',
    send: (w) => http(w, { body: `query=${encodeURIComponent(`mutation { ${ESTABLISH_LITERAL} }`)}`, contentType: 'application/x-www-form-urlencoded' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'a body without a content type', send: (w) => http(w, { body: `mutation { ${ESTABLISH_LITERAL} }`, contentType: null }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  {
    name: 'multipart form content',
    send: (w) =>
      http(w, {
        body: `--b\r\nContent-Disposition: form-data; name="query"\r\n\r\nmutation { ${ESTABLISH_LITERAL} }\r\n--b--\r\n`,
        contentType: 'multipart/form-data; boundary=b',
      }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a 5 MB body',
    send: (w) => http(w, { body: JSON.stringify({ query: ESTABLISH_PMO, variables: { input: establish({ name: 'x'.repeat(5 * 1024 * 1024) }) } }) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'a mutation sent with GET',
    send: (w) => http(w, { method: 'GET', contentType: null, query: `?query=${encodeURIComponent(`mutation { ${ESTABLISH_LITERAL} }`)}` }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },
  { name: 'a PUT to the GraphQL path', send: (w) => http(w, { method: 'PUT', body: JSON.stringify({ query: `mutation { ${ESTABLISH_LITERAL} }` }) }), status: 404 },
  { name: 'no token', send: (w) => http(w, { body: JSON.stringify({ query: `mutation { ${ESTABLISH_LITERAL} }` }), token: null }), status: 401, code: 'UNAUTHENTICATED' },
  {
    name: 'an unsigned (alg: none) ADMIN token',
    send: async (w) =>
      http(w, {
        body: JSON.stringify({ query: `mutation { ${ESTABLISH_LITERAL} }` }),
        token: new UnsecuredJWT({ roles: ['ADMIN'] }).setSubject('mallory').setIssuer('throughline').setAudience('throughline-api').setExpirationTime('1h').encode(),
      }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'an expired ADMIN token signed with the real secret',
    send: async (w) =>
      http(w, {
        body: JSON.stringify({ query: `mutation { ${ESTABLISH_LITERAL} }` }),
        token: await new SignJWT({ roles: ['ADMIN'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('admin@test')
          .setIssuer('throughline')
          .setAudience('throughline-api')
          .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
          .sign(loadOrCreateSigningSecret(w.t.dataDir)),
      }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'a 10 kB bearer token',
    send: (w) => http(w, { body: JSON.stringify({ query: `mutation { ${ESTABLISH_LITERAL} }` }), token: 'e'.repeat(10_000) }),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
];

export const documents: Hostile[] = [
  { name: 'a syntax error', send: (w) => gql(w, 'mutation { establishPmo(input: {'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a 40-deep query', send: (w) => gql(w, parentChain(40)), code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: '2,000 aliases of one query',
    send: (w) => gql(w, `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: pmos { id }`).join(' ')} }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: '2,000 aliased mutations',
    send: (w) => gql(w, `mutation { ${Array.from({ length: 2000 }, (_, i) => `m${i}: ${ESTABLISH_LITERAL}`).join(' ')} }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: '51 aliased mutations',
    send: (w) => gql(w, `mutation { ${Array.from({ length: 51 }, (_, i) => `m${i}: ${ESTABLISH_LITERAL}`).join(' ')} }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'a fan-out of nested lists', send: (w) => gql(w, '{ pmos { children { children { children { children { id } } } } } }'), code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a fragment that spreads itself',
    send: (w) => gql(w, 'query { pmos { ...F } } fragment F on Pmo { children { ...F } }'),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'an unknown mutation', send: (w) => gql(w, 'mutation { dropAllEvents { ok } }'), code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a subscription', send: (w) => gql(w, 'subscription { pmos { id } }'), code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'two anonymous operations',
    send: (w) => gql(w, `mutation { ${ESTABLISH_LITERAL} } mutation { ${ESTABLISH_LITERAL} }`),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an operationName that names no operation',
    send: (w) => http(w, { body: JSON.stringify({ query: `mutation Real { ${ESTABLISH_LITERAL} }`, operationName: 'Other' }) }),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'an unknown input field', send: (w) => gql(w, ESTABLISH_PMO, { input: establish({ budget: 1_000_000 }) }), code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a forged actor field', send: (w) => gql(w, ESTABLISH_PMO, { input: establish({ actor: 'ceo@example.org' }) }), code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a forged recordedBy on progress',
    send: (w) => gql(w, RECORD_PROGRESS, { input: { objectiveId: w.objectiveA, value: 50, measuredOn: today(), recordedBy: 'ceo@example.org' } }),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a forged actor written into the document',
    send: (w) => gql(w, 'mutation { establishPmo(input: { name: "Forged", kind: PROJECT, actor: "ceo" }) { id } }'),
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'variables nested 10,000 arrays deep',
    send: (w) => {
      const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
      return http(w, { body: `{"query": ${JSON.stringify(ESTABLISH_PMO)}, "variables": {"input": ${deep}}}` });
    },
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'an operator object where a name belongs',
    send: (w) => gql(w, ESTABLISH_PMO, { input: establish({ name: { $gt: '' } }) }),
    code: 'BAD_USER_INPUT',
    field: 'name',
  },
  { name: 'a number where a name belongs', send: (w) => gql(w, ESTABLISH_PMO, { input: establish({ name: 12345 }) }), code: 'BAD_USER_INPUT', field: 'name' },
  { name: 'a list where the input belongs', send: (w) => gql(w, ESTABLISH_PMO, { input: [] }), code: 'GRAPHQL_VALIDATION_FAILED' },
];
