import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the projector lag gauges read at each scrape. */
export interface LagReading {
  readonly events: number;
  readonly seconds: number;
}

/** Latencies of an embedded store's append run from a fraction of a millisecond up. */
const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Every metric one instance of the service exposes, in a registry of its own: several instances
 * run in one process (the tests do), and prom-client's global registry would mix them up or
 * refuse the second registration. Label values are all drawn from bounded sets (routes, not
 * URLs; operation names capped in OperationNames; command names from the schema; error codes).
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Histogram({
    name: 'throughline_http_request_duration_seconds',
    help: 'HTTP requests by method, route (the pattern, not the URL; "unmatched" when none) and status code, with their durations',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });

  readonly graphqlOperations = new Histogram({
    name: 'throughline_graphql_operation_duration_seconds',
    help: 'GraphQL requests by operation name and outcome (ok, error: executed with errors, refused: answered without executing), with their durations',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'throughline_commands_total',
    help: 'Commands carried out, by command and outcome code (OK, or the error code the client was answered)',
    labelNames: ['command', 'code'] as const,
    registers: [this.registry],
  });

  readonly appends = new Histogram({
    name: 'throughline_event_store_append_duration_seconds',
    help: 'Appends to the event store by outcome (ok, failed), with their durations',
    labelNames: ['outcome'] as const,
    buckets: APPEND_BUCKETS,
    registers: [this.registry],
  });

  readonly subscriptionsOpen = new Gauge({
    name: 'throughline_graphql_subscriptions_open',
    help: 'GraphQL subscriptions running now on this instance, by field (eventRecorded, objectiveChanged)',
    labelNames: ['field'] as const,
    registers: [this.registry],
  });

  readonly liveConnectionsOpen = new Gauge({
    name: 'throughline_live_connections_open',
    help: 'WebSocket connections for live updates admitted and open now on this instance',
    registers: [this.registry],
  });

  constructor(lag: () => Promise<LagReading>) {
    new Gauge({
      name: 'throughline_projector_lag_events',
      help: 'Events stored but not yet applied to the read models (counted up to 10,000)',
      registers: [this.registry],
      async collect() {
        this.set((await lag()).events);
      },
    });
    new Gauge({
      name: 'throughline_projector_lag_seconds',
      help: 'Seconds since the oldest event not yet applied to the read models was recorded; 0 when caught up',
      registers: [this.registry],
      async collect() {
        this.set((await lag()).seconds);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of everything above. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
