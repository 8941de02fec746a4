/** Apollo Client 4 as an application would set it up, with every HTTP request it sends recorded. */
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

/** One HTTP request a link sent, and what came back. */
export interface Sent {
  readonly method: string;
  readonly url: URL;
  /** The JSON body (an array for a batch); null for a GET. */
  readonly body: any;
  readonly status: number;
  readonly headers: Headers;
  readonly answer: any;
}

/** Node's own fetch, whatever later stands in for the global one. */
const realFetch = globalThis.fetch;

/** The fetch a link is given: the real one, noting each request in `log`. */
export const recordingFetch =
  (log: Sent[]): typeof fetch =>
  async (input, init) => {
    const response = await realFetch(input, init);
    const text = await response.clone().text();
    log.push({
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
      status: response.status,
      headers: response.headers,
      answer: text ? JSON.parse(text) : null,
    });
    return response;
  };

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface Endpoint {
  readonly url: string;
  readonly token: string;
}

const graphqlUri = (endpoint: Endpoint) => `${endpoint.url}/graphql`;
const authorised = (endpoint: Endpoint) => ({ authorization: `Bearer ${endpoint.token}` });

export const httpLink = (endpoint: Endpoint, log: Sent[]) => new HttpLink({ uri: graphqlUri(endpoint), headers: authorised(endpoint), fetch: recordingFetch(log) });

/** Automatic persisted queries before the HTTP link, hashing with node's crypto. */
export const persistedLink = (endpoint: Endpoint, log: Sent[], options: { useGETForHashedQueries?: boolean } = {}) =>
  ApolloLink.from([new PersistedQueryLink({ sha256, ...options }), httpLink(endpoint, log)]);

/**
 * Batches of `batchMax` operations. Apollo queues an operation within the query() or mutate() call
 * itself and sends a batch the moment it holds batchMax, so operations started together go out
 * together whatever the interval, which only bounds a batch that never fills.
 */
export const batchLink = (endpoint: Endpoint, log: Sent[], batchMax: number) =>
  new BatchHttpLink({ uri: graphqlUri(endpoint), headers: authorised(endpoint), fetch: recordingFetch(log), batchMax });

export const clientWith = (link: ApolloLink, cache = new InMemoryCache()) => new ApolloClient({ link, cache });
