import type WebSocket from 'ws';
import { CLOSE, type CloseCode } from './close-codes';

/** Why a connection was closed before it was admitted: the close frame, and the code its log line names. */
export class Refusal extends Error {
  constructor(
    readonly closeCode: CloseCode,
    readonly reason: string,
    readonly code: string,
  ) {
    super(reason);
    this.name = 'Refusal';
  }
}

export const unauthorized = (reason: string) => new Refusal(CLOSE.unauthorized, `Unauthorized: ${reason}`, 'UNAUTHENTICATED');

interface Message {
  readonly type?: unknown;
  readonly payload?: unknown;
}

const parse = (data: WebSocket.RawData): Message | null => {
  try {
    const message: unknown = JSON.parse(data.toString());
    return message !== null && typeof message === 'object' && !Array.isArray(message) ? (message as Message) : null;
  } catch {
    return null;
  }
};

/**
 * The bearer token of a connection_init payload. A browser cannot set headers on a WebSocket, so
 * the token travels in the first message: `{ authorization: "Bearer <token>" }` (`Authorization`
 * too, as the header is often written).
 */
export function bearerOf(payload: unknown): string {
  const fields = payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : {};
  const value = fields['authorization'] ?? fields['Authorization'];
  const match = typeof value === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  if (!match) throw unauthorized('send { authorization: "Bearer <token>" } in connection_init');
  return match[1] as string;
}

/**
 * Holds a new socket until its connection_init has been checked, so nothing else reads a message
 * from a connection no one has authenticated. The first message must be connection_init and
 * arrive within `timeoutMs`; while its payload is checked, another connection_init or any
 * operation closes the socket, as a graphql-ws server would. Once admitted, `admitted` hands the
 * socket on and replays the connection_init to whoever reads it next.
 */
export function holdUntilAdmitted<T>(
  socket: WebSocket,
  timeoutMs: number,
  check: (payload: unknown) => Promise<T>,
  admitted: (result: T, replayInit: () => void) => void,
  refused: (refusal: Refusal) => void,
): void {
  let state: 'awaiting' | 'checking' | 'settled' = 'awaiting';
  const settle = () => {
    state = 'settled';
    clearTimeout(timer);
    socket.off('message', onMessage);
    socket.off('close', onClose);
  };
  const refuse = (refusal: Refusal) => {
    if (state === 'settled') return;
    settle();
    refused(refusal);
  };
  const timer = setTimeout(() => refuse(new Refusal(CLOSE.initialisationTimeout, 'Connection initialisation timeout', 'INITIALISATION_TIMEOUT')), timeoutMs);
  const onClose = () => settle();

  function onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    const message = parse(data);
    if (message === null || typeof message.type !== 'string') return refuse(new Refusal(CLOSE.badRequest, 'Invalid message received', 'BAD_REQUEST'));
    if (state === 'checking') {
      if (message.type === 'ping' || message.type === 'pong') return;
      if (message.type === 'connection_init') return refuse(new Refusal(CLOSE.tooManyRequests, 'Too many initialisation requests', 'BAD_REQUEST'));
      return refuse(unauthorized('wait for connection_ack'));
    }
    if (message.type !== 'connection_init') return refuse(unauthorized('send connection_init first'));
    state = 'checking';
    clearTimeout(timer);
    check(message.payload).then(
      (result) => {
        if (state !== 'checking' || socket.readyState !== socket.OPEN) return;
        settle();
        admitted(result, () => socket.emit('message', data, isBinary));
      },
      (error: unknown) => refuse(error instanceof Refusal ? error : new Refusal(CLOSE.forbidden, 'Forbidden', 'UNAUTHENTICATED')),
    );
  }

  socket.on('message', onMessage);
  socket.on('close', onClose);
}
