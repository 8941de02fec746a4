import type { GraphiQLProps } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-ws';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * How the IDE reaches the service that served it: queries and mutations over HTTP, subscriptions
 * over a WebSocket, each with the bearer token of the moment (read at each request, so a new token
 * applies at once). Headers typed in the IDE's own editor go on top.
 */
export function serviceFetcher(token: () => string | null): Fetcher {
  let socket: { token: string | null; client: ReturnType<typeof createClient> } | null = null;
  const socketFor = (current: string | null) => {
    if (socket?.token !== current) {
      void socket?.client.dispose();
      socket = {
        token: current,
        client: createClient({
          url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
          connectionParams: current ? { authorization: `Bearer ${current}` } : {},
        }),
      };
    }
    return socket.client;
  };

  return async (params, options) => {
    const current = token();
    if (isSubscription(params.query, params.operationName ?? null, options?.documentAST)) {
      return socketFor(current).iterate({ query: params.query, variables: params.variables ?? {}, operationName: params.operationName ?? null });
    }
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(current ? { authorization: `Bearer ${current}` } : {}),
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
