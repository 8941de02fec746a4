import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@throughline/event-store';
import { Projector } from '@throughline/read-models';
import type { AppConfig } from '@throughline/runtime';
import { EVENT_STORE } from '../common/tokens';
import { ProjectorLag } from './projector-lag';
import { ServiceMetrics } from './service-metrics';
import { timeAppends } from './timed-appends';

/**
 * The instance's metrics, when PMO_METRICS is not off; with it off nothing is measured, and
 * whoever records (the command handler) finds no ServiceMetrics to record in.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(config: Pick<AppConfig, 'metrics'>): DynamicModule {
    if (config.metrics === 'off') return { module: MetricsModule };
    return {
      module: MetricsModule,
      providers: [
        {
          provide: ServiceMetrics,
          inject: [EVENT_STORE, Projector],
          useFactory: (store: EventStore, projector: Projector) => {
            const lag = new ProjectorLag(store, () => projector.position);
            const metrics = new ServiceMetrics(() => lag.read());
            timeAppends(store, metrics);
            return metrics;
          },
        },
      ],
      exports: [ServiceMetrics],
    };
  }
}
