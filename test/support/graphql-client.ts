export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; currentRevision?: number; [key: string]: unknown };
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GraphQLErrorBody[];
}

/** A GraphQL client over real HTTP, as any user's client would be. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token: string | null,
  ) {}

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorBody[] };
    return { status: response.status, data: body.data ?? null, ...(body.errors ? { errors: body.errors } : {}) };
  }

  /** Runs an operation that must succeed; a GraphQL error fails the test with its message. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`expected success, got ${result.status}: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** Runs an operation that must fail, and returns its first error. */
  async fails(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLErrorBody & { status: number }> {
    const result = await this.request(query, variables);
    const first = result.errors?.[0];
    if (!first) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return { ...first, status: result.status };
  }
}
