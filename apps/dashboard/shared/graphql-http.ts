/** A GraphQL error as the service reports it: a message and a stable code (UNAUTHENTICATED, FORBIDDEN…). */
export class GraphQLFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
  ) {
    super(message);
    this.name = 'GraphQLFailure';
  }
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One operation over HTTP to the service that served the page, with the caller's token. */
export async function requestGraphQL<T>(token: string, query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  let answer: Answer<T>;
  try {
    answer = (await response.json()) as Answer<T>;
  } catch {
    throw new GraphQLFailure(`the service answered ${response.status} without a GraphQL answer`, undefined, response.status);
  }
  const first = answer.errors?.[0];
  if (first) throw new GraphQLFailure(first.message, first.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : undefined), response.status);
  if (!answer.data) throw new GraphQLFailure(`the service answered ${response.status} with no data`, undefined, response.status);
  return answer.data;
}
