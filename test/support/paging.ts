/** Paging through a connection over HTTP, checking every page's info on the way. */

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Page<N> {
  readonly totalCount?: number;
  readonly edges: readonly { readonly cursor: string; readonly node: N }[];
  readonly pageInfo: PageInfo;
}

export interface PageArgs {
  readonly first?: number;
  readonly after?: string;
  readonly last?: number;
  readonly before?: string;
}

export type FetchPage<N> = (args: PageArgs) => Promise<Page<N>>;

/** The selection every connection in these tests reads besides its nodes. */
export const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Pages are never more than this: a list that would need more means a cursor that does not move. */
const MANY_PAGES = 1000;

const checkEnds = <N>(page: Page<N>): void => {
  expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
  expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]?.cursor ?? null);
};

/** Every page from the start, `size` at a time: the nodes in list order and how many pages it took. */
export async function pageForward<N>(fetch: FetchPage<N>, size: number): Promise<{ nodes: N[]; pages: Page<N>[] }> {
  const nodes: N[] = [];
  const pages: Page<N>[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page<N> = await fetch({ first: size, ...(after ? { after } : {}) });
    pages.push(page);
    checkEnds(page);
    // Nothing before the first page; everything already read before any later one.
    expect(page.pageInfo.hasPreviousPage).toBe(pages.length > 1);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages };
    expect(page.edges).toHaveLength(size);
    if (pages.length > MANY_PAGES) throw new Error('the cursor does not move');
    after = page.pageInfo.endCursor;
  }
}

/** Every page from the end back to the start, `size` at a time: the nodes in list order. */
export async function pageBackward<N>(fetch: FetchPage<N>, size: number): Promise<{ nodes: N[]; pages: Page<N>[] }> {
  const nodes: N[] = [];
  const pages: Page<N>[] = [];
  let before: string | null = null;
  for (;;) {
    const page: Page<N> = await fetch({ last: size, ...(before ? { before } : {}) });
    pages.push(page);
    checkEnds(page);
    expect(page.pageInfo.hasNextPage).toBe(pages.length > 1);
    nodes.unshift(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasPreviousPage) return { nodes, pages };
    expect(page.edges).toHaveLength(size);
    if (pages.length > MANY_PAGES) throw new Error('the cursor does not move');
    before = page.pageInfo.startCursor;
  }
}
