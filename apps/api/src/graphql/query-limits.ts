/**
 * What one GraphQL request may ask for. Every limit is far above what the service's own
 * operations need and far below what would let one request occupy the process.
 */

/**
 * Deepest nesting of selections. The standard introspection query (graphql-js
 * getIntrospectionQuery) is exactly 15 deep; the service's own questions need 5 or fewer.
 */
export const MAX_QUERY_DEPTH = 15;

/**
 * Estimated cost of a request: each field counts 1, and whatever is selected under a list counts
 * LIST_SIZE_ESTIMATE times (lists in lists multiply), except under a connection's edges, which
 * count as many times as the page asks for (common/connections.ts: DEFAULT_PAGE, MAX_PAGE).
 * Introspection fields are not counted: their size is bounded by the schema, and introspection is
 * switched on or off as a whole.
 */
export const MAX_QUERY_COST = 5000;
export const LIST_SIZE_ESTIMATE = 10;

/**
 * What an operation that reads the whole store (an integrity check) counts by itself: a row read
 * counts 1 and such a check reads every event, so one request may hold at most four of them
 * (each also selects a field or two).
 */
export const WHOLE_STORE_COST = 1000;

/** Aliased fields in one document: enough to read a few dozen entities side by side. */
export const MAX_ALIASES = 50;

/** Lexical tokens in one document; parsing stops there, before any rule runs. */
export const MAX_DOCUMENT_TOKENS = 5000;

/**
 * The longest string any argument or variable may carry (UTF-16 units): twice the longest text
 * field, since a code point takes at most two units. Input fields have tighter limits of their own.
 */
export const MAX_ARGUMENT_TEXT = 4000;

/**
 * The longest list any argument or variable may carry. Lists inside input objects have tighter
 * limits of their own (100 items or fewer); this one leaves room for a list argument such as the
 * stream heads an integrity check compares, which the 1 MB body bounds first in practice.
 */
export const MAX_ARGUMENT_LIST = 10_000;

/**
 * Persisted queries kept in memory, by count and by characters of text over all of them: the
 * queries a service's clients send are a few hundred at most, and the least recently used goes
 * first, so a client sending made-up queries only slows the others' first requests.
 */
export const MAX_PERSISTED_QUERIES = 1000;
export const MAX_PERSISTED_QUERY_CHARACTERS = 8 * 1024 * 1024;
