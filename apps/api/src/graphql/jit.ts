/**
 * How Mercurius compiles queries with graphql-jit: a query text seen twice is compiled into one
 * function that resolves its whole answer, which halves the CPU of a large answer (a year of
 * alignment by week). The adaptive mode compiles in a moment between requests rather than inside
 * one, and it leaves graphql-js checking every request's variables: in the other mode the request
 * that compiles skips that check, and graphql-jit's own names neither the variable's path nor the
 * scalar's reason. A threshold of 1 compiles at the first moment the event loop is not wholly busy.
 */
export const JIT = { minCount: 2, eluThreshold: 1 } as const;
