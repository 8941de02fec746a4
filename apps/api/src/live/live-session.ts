import type { FastifyBaseLogger } from 'fastify';
import type WebSocket from 'ws';
import type { Principal } from '@throughline/runtime';
import { RequestRefusedError } from '../graphql/request-refusal';
import { CLOSE, closeReason, type CloseCode } from './close-codes';
import type { LiveStream } from './live-stream';

/** A peer that answers no ping for this long is gone (a cable pulled, a laptop closed): its socket is dropped. */
const HEARTBEAT_MS = 30_000;
/** setTimeout's longest wait; a token valid for longer is checked again when it ends. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export type LiveField = 'eventRecorded' | 'objectiveChanged';

export interface SessionHooks {
  /** The current instant in ms (the service's Clock). */
  readonly now: () => number;
  readonly subscriptionsPerConnection: number;
  /** Told of each subscription opened (+1) and ended (-1), for the open-subscriptions gauge. */
  readonly counted: (field: LiveField, delta: 1 | -1) => void;
  /** Told once, when the socket has closed and everything the session held is released. */
  readonly ended: (session: LiveSession) => void;
  /** The connection's logger (its upgrade request's, carrying the request id). */
  readonly log: FastifyBaseLogger;
}

/**
 * One admitted WebSocket: who it authenticated as, until when, and its subscriptions by the id
 * the client gave each. It ends every subscription when the socket closes, and closes the socket
 * itself when the token expires (telling each subscription why first) or the peer stops
 * answering pings.
 */
export class LiveSession {
  private readonly subscriptions = new Map<string, { readonly field: LiveField; readonly stream: LiveStream<unknown> }>();
  private expiryTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private answered = true;
  /** The socket is closing or closed: nothing more starts on it. */
  private closing = false;

  constructor(
    readonly principal: Principal,
    readonly expiresAtMs: number,
    readonly correlationId: string,
    private readonly socket: WebSocket,
    private readonly hooks: SessionHooks,
  ) {
    socket.on('pong', () => (this.answered = true));
    socket.once('close', () => this.dispose());
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.armExpiry();
  }

  /**
   * Starts a subscription under the client's id: refused beyond the connection's allowance, and a
   * second one under an id still in use closes the connection (graphql-ws: 4409).
   */
  subscribe<S extends LiveStream<unknown>>(id: string, field: LiveField, start: () => S): S {
    if (this.closing) throw new RequestRefusedError('CONNECTION_CLOSED', 'the connection is closing', 409);
    if (this.subscriptions.has(id)) {
      this.close(CLOSE.subscriberAlreadyExists, `Subscriber for ${id} already exists`);
      throw new RequestRefusedError('SUBSCRIBER_ALREADY_EXISTS', `a subscription with id ${id} is already running`, 409);
    }
    const limit = this.hooks.subscriptionsPerConnection;
    if (this.subscriptions.size >= limit) {
      throw new RequestRefusedError('TOO_MANY_SUBSCRIPTIONS', `at most ${limit} subscriptions may run on one connection; complete one first`, 429);
    }
    const stream = start();
    this.subscriptions.set(id, { field, stream });
    this.hooks.counted(field, 1);
    stream.whenEnded(() => {
      if (this.subscriptions.get(id)?.stream !== stream) return;
      this.subscriptions.delete(id);
      this.hooks.counted(field, -1);
    });
    return stream;
  }

  /** Closes the socket; the subscriptions end with it. */
  close(code: CloseCode, reason: string): void {
    this.closing = true;
    if (this.socket.readyState === this.socket.OPEN || this.socket.readyState === this.socket.CONNECTING) this.socket.close(code, closeReason(reason));
    this.endAll();
  }

  /**
   * The token's `exp` has passed: each subscription is told so with an error of its own, then
   * the socket closes with 4401, the close a graphql-ws client takes as "authenticate again".
   * Sent straight onto the socket, in order, so the errors reach the client before the close.
   */
  private expire(): void {
    const payload = [{ message: 'the token expired; connect again with a valid one', extensions: { code: 'UNAUTHENTICATED' } }];
    if (this.socket.readyState === this.socket.OPEN) {
      for (const id of this.subscriptions.keys()) this.socket.send(JSON.stringify({ id, type: 'error', payload }));
    }
    this.hooks.log.info({ code: 'UNAUTHENTICATED', closeCode: CLOSE.unauthorized }, 'live connection closed: token expired');
    this.close(CLOSE.unauthorized, 'Unauthorized: token expired');
  }

  private armExpiry(): void {
    const wait = this.expiresAtMs - this.hooks.now();
    if (wait <= 0) return this.expire();
    this.expiryTimer = setTimeout(() => this.armExpiry(), Math.min(wait, LONGEST_TIMER_MS));
  }

  private ping(): void {
    // Between close() and the close event the socket is CLOSING, and ws refuses to ping then.
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (!this.answered) {
      this.socket.terminate();
      return;
    }
    this.answered = false;
    this.socket.ping();
  }

  private endAll(): void {
    for (const { stream } of [...this.subscriptions.values()]) stream.end();
  }

  private dispose(): void {
    this.closing = true;
    clearTimeout(this.expiryTimer);
    clearInterval(this.heartbeat);
    this.endAll();
    this.hooks.ended(this);
  }
}
