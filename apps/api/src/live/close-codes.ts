/**
 * How a live-update connection ends, in the codes of the graphql-transport-ws protocol (those
 * graphql-ws clients know), so a client can tell "get a token and reconnect" from "stop trying".
 */
export const CLOSE = {
  /** The service is stopping; the client may reconnect to another instance. */
  goingAway: 1001,
  /** A message that is not one of the protocol's. */
  badRequest: 4400,
  /** No token, a token that expired, or an operation before the connection was acknowledged. */
  unauthorized: 4401,
  /** A token that is not valid (forged, another issuer, no known role). */
  forbidden: 4403,
  /** A WebSocket that did not ask for the graphql-transport-ws subprotocol. */
  subprotocolNotAcceptable: 4406,
  /** No connection_init in time. */
  initialisationTimeout: 4408,
  /** A second subscription under an id still in use. */
  subscriberAlreadyExists: 4409,
  /** A second connection_init, or more connections for one subject than allowed. */
  tooManyRequests: 4429,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** A close frame carries at most 123 bytes of reason; a longer one would make ws throw. */
const MAX_REASON_BYTES = 123;

export function closeReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_REASON_BYTES) return text;
  let cut = text.slice(0, MAX_REASON_BYTES);
  while (Buffer.byteLength(cut) > MAX_REASON_BYTES) cut = cut.slice(0, -1);
  return cut;
}
