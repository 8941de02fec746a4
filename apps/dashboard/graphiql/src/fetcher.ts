import type { GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * How the IDE reaches the service that served it, with one bearer token: queries and mutations
 * over HTTP, subscriptions over a WebSocket opened when the first one runs. Headers typed in the
 * IDE's own editor go on top.
 */
export function serviceFetcher(token: string | null): Fetcher {
  let socket: ReturnType<typeof createClient> | null = null;
  const socketClient = () =>
    (socket ??= createClient({
      url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    }));

  return async (params, options) => {
    if (isSubscription(params.query, params.operationName ?? null, options?.documentAST)) {
      return socketClient().iterate({ query: params.query, variables: params.variables ?? {}, operationName: params.operationName ?? null });
    }
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(options?.headers ?? {}),
      },
      body: JSON.stringify(params),
    });
    return response.json();
  };
}

/** Whether the operation to run (the named one, or the only one) is a subscription. */
function isSubscription(query: string, operationName: string | null, document?: Parameters<typeof getOperationAST>[0]): boolean {
  try {
    return getOperationAST(document ?? parse(query), operationName)?.operation === 'subscription';
  } catch {
    // A document that does not parse goes over HTTP, for the service to say what is wrong with it.
    return false;
  }
}
