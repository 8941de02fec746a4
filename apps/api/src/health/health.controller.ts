import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@throughline/event-store';
import { Projector } from '@throughline/read-models';
import { EVENT_STORE } from '../common/tokens';

@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
  ) {}

  /** Liveness: the process serves requests. */
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** Readiness: the store answers and the read models have caught up with it. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const caughtUp = await this.projector.isCaughtUp();
      reply.code(caughtUp ? 200 : 503);
      return { status: caughtUp ? 'ready' : 'catching-up', store: this.store.name, position: this.projector.position?.toString() ?? null };
    } catch (error) {
      reply.code(503);
      return { status: 'unavailable', store: this.store.name, reason: (error as Error).message };
    }
  }
}
