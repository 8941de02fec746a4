import { Inject, Injectable, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { decodeJwt } from 'jose';
import type WebSocket from 'ws';
import { type AppConfig, authenticationFailure, type Principal, type TokenVerifier } from '@throughline/runtime';
import { Clock } from '../common/clock';
import { APP_CONFIG, TOKEN_VERIFIER } from '../common/tokens';
import { GRAPHQL_PATH } from '../graphql/graphql-options';
import { ServiceMetrics } from '../metrics/service-metrics';
import { CLOSE, closeReason } from './close-codes';
import { bearerOf, holdUntilAdmitted, Refusal, unauthorized } from './connection-init';
import { LiveSession } from './live-session';

/** The only subprotocol served: graphql-ws's. The older subscriptions-transport-ws ("graphql-ws") is not. */
export const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';

type WsHandler = (this: FastifyInstance, socket: WebSocket, request: FastifyRequest) => unknown;

interface Admitted {
  readonly principal: Principal;
  readonly expiresAtMs: number;
}

/**
 * Every live-update connection of this instance. A WebSocket to /graphql reaches Mercurius only
 * once admitted here: the subprotocol is graphql-transport-ws, its connection_init carries a
 * token that the HTTP path's verifier accepts (the service's own, or the identity provider's),
 * and its subject holds fewer connections than allowed. Anything else is closed with the
 * graphql-ws close code that says why, before any subscription could start.
 */
@Injectable()
export class LiveSessions implements BeforeApplicationShutdown {
  private readonly bySocket = new WeakMap<WebSocket, LiveSession>();
  private readonly open = new Set<LiveSession>();
  private readonly perSubject = new Map<string, number>();

  constructor(
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {}

  /**
   * A Fastify onRoute hook, added before GraphQL registers its routes: the GraphQL route's
   * WebSocket handler (Mercurius's) is handed only sockets admitted here.
   */
  readonly guardGraphQLRoute = (route: RouteOptions & { wsHandler?: WsHandler }): void => {
    const handler = route.wsHandler;
    if (typeof handler !== 'function' || route.url !== GRAPHQL_PATH) return;
    const sessions = this;
    route.wsHandler = function (this: FastifyInstance, socket: WebSocket, request: FastifyRequest) {
      sessions.admit(socket, request, () => handler.call(this, socket, request));
    };
  };

  /** The session of an admitted socket, for the subscription context Mercurius builds at connection_init. */
  sessionOf(socket: WebSocket): LiveSession {
    const session = this.bySocket.get(socket);
    if (!session) throw new Error('a WebSocket reached GraphQL without being admitted');
    return session;
  }

  beforeApplicationShutdown(): void {
    for (const session of [...this.open]) session.close(CLOSE.goingAway, 'Going away: the service is stopping');
  }

  private admit(socket: WebSocket, request: FastifyRequest, handOver: () => unknown): void {
    if (socket.protocol !== GRAPHQL_TRANSPORT_WS) {
      this.refuse(socket, request, new Refusal(CLOSE.subprotocolNotAcceptable, 'Subprotocol not acceptable', 'BAD_REQUEST'));
      return;
    }
    holdUntilAdmitted(
      socket,
      this.config.httpTimeouts.headersMs,
      (payload) => this.authenticate(payload),
      (admitted, replayInit) => {
        const held = this.perSubject.get(admitted.principal.subject) ?? 0;
        if (held >= this.config.live.connectionsPerSubject) {
          this.refuse(socket, request, new Refusal(CLOSE.tooManyRequests, 'Too many connections for this subject', 'TOO_MANY_CONNECTIONS'));
          return;
        }
        this.start(socket, request, admitted);
        handOver();
        replayInit();
      },
      (refusal) => this.refuse(socket, request, refusal),
    );
  }

  private async authenticate(payload: unknown): Promise<Admitted> {
    const token = bearerOf(payload);
    let exp: number | undefined;
    try {
      exp = decodeJwt(token).exp;
    } catch (error) {
      throw new Refusal(CLOSE.forbidden, `Forbidden: ${authenticationFailure(error).message}`, 'UNAUTHENTICATED');
    }
    if (exp === undefined) throw new Refusal(CLOSE.forbidden, 'Forbidden: the token has no expiry (exp)', 'UNAUTHENTICATED');
    // Judged by the service's clock, with no tolerance: the connection ends at exp (see LiveSession).
    if (exp * 1000 <= this.clock.now().getTime()) throw unauthorized('token expired');
    try {
      const principal = await this.verify(token);
      return { principal, expiresAtMs: exp * 1000 };
    } catch (error) {
      throw new Refusal(CLOSE.forbidden, `Forbidden: ${authenticationFailure(error).message}`, 'UNAUTHENTICATED');
    }
  }

  private start(socket: WebSocket, request: FastifyRequest, admitted: Admitted): void {
    const subject = admitted.principal.subject;
    const session = new LiveSession(admitted.principal, admitted.expiresAtMs, String(request.id), socket, {
      now: () => this.clock.now().getTime(),
      subscriptionsPerConnection: this.config.live.subscriptionsPerConnection,
      log: request.log,
      counted: (field, delta) => this.metrics?.subscriptionsOpen.inc({ field }, delta),
      ended: () => {
        this.open.delete(session);
        this.metrics?.liveConnectionsOpen.dec();
        const left = (this.perSubject.get(subject) ?? 1) - 1;
        if (left > 0) this.perSubject.set(subject, left);
        else this.perSubject.delete(subject);
      },
    });
    this.bySocket.set(socket, session);
    this.open.add(session);
    this.metrics?.liveConnectionsOpen.inc();
    this.perSubject.set(subject, (this.perSubject.get(subject) ?? 0) + 1);
  }

  private refuse(socket: WebSocket, request: FastifyRequest, refusal: Refusal): void {
    request.log.info({ code: refusal.code, closeCode: refusal.closeCode }, 'subscription connection refused');
    socket.close(refusal.closeCode, closeReason(refusal.reason));
  }
}
