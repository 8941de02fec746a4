import type { FastifyInstance } from 'fastify';
import type { MetricsMode, Role } from '@throughline/runtime';
import type { ServiceMetrics } from './service-metrics';

export const METRICS_PATH = '/metrics';
/** Who may read the metrics when PMO_METRICS=token: those who already see the whole organisation. */
const READERS: readonly Role[] = ['ADMIN', 'AUDITOR'];

/**
 * GET /metrics in Prometheus' text format. With PMO_METRICS=token the authentication hook has
 * already refused a request without a valid token (401); a valid one without a reading role is
 * refused here (403). With PMO_METRICS=off the route does not exist (404).
 */
export function serveMetrics(fastify: FastifyInstance, metrics: ServiceMetrics, mode: Exclude<MetricsMode, 'off'>): void {
  fastify.get(METRICS_PATH, async (request, reply) => {
    if (mode === 'token' && !request.principal?.roles.some((role) => READERS.includes(role))) {
      return reply.code(403).send({ errors: [{ message: `the metrics are for ${READERS.join(' and ')} tokens`, extensions: { code: 'FORBIDDEN' } }] });
    }
    const { contentType, body } = await metrics.exposition();
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
  });
}
