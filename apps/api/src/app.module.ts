import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { ActivitiesModule } from './activities/activities.module';
import { AlignmentReader, ReadModelDb } from '@throughline/read-models';
import { AlignmentModule } from './alignment/alignment.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { EntityReader } from './common/entity-reader';
import { FeedbackModule } from './feedback/feedback.module';
import { APP_CONFIG } from './common/tokens';
import type { AppConfig } from '@throughline/runtime';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthController } from './health/health.controller';
import { LiveModule } from './live/live.module';
import { LiveSessions } from './live/live-sessions';
import { MetricsModule } from './metrics/metrics.module';
import { NetworkModule } from './network/network.module';
import { NodesModule } from './nodes/nodes.module';
import { SupportModule } from './support/support.module';
import { InsightsModule } from './insights/insights.module';
import { LeadershipModule } from './leadership/leadership.module';
import { PersistenceModule } from './infrastructure/persistence.module';
import { ObjectivesModule } from './objectives/objectives.module';
import { PlansModule } from './plans/plans.module';
import { PmosModule } from './pmos/pmos.module';
import { StandardsModule } from './standards/standards.module';
import { TemplatesModule } from './templates/templates.module';
import { WorkModule } from './work/work.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(config),
        MetricsModule.forRoot(config),
        AuthModule,
        LiveModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [LiveModule],
          inject: [EntityReader, AlignmentReader, ReadModelDb, APP_CONFIG, LiveSessions, ModuleRef],
          useFactory: (
            reader: EntityReader,
            alignment: AlignmentReader,
            readModels: ReadModelDb,
            appConfig: AppConfig,
            live: LiveSessions,
            modules: ModuleRef,
          ) => graphqlOptions({ reader, alignment, readModels }, appConfig, live, modules),
        }),
        PmosModule,
        ObjectivesModule,
        PlansModule,
        ActivitiesModule,
        WorkModule,
        StandardsModule,
        TemplatesModule,
        AlignmentModule,
        AuditModule,
        FeedbackModule,
        NetworkModule,
        SupportModule,
        InsightsModule,
        NodesModule,
        LeadershipModule,
      ],
      controllers: [HealthController],
    };
  }
}
