import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { KeyedLock, StateCache, type EventStore } from '@throughline/event-store';
import {
  AlignmentReader,
  AsOfFolds,
  AuditLogReader,
  EntityStateReader,
  ObjectiveMeasurementReader,
  Projector,
  ReadModelDb,
} from '@throughline/read-models';
import { type AppConfig, connectEventStore, openReadModels, projectionsFor } from '@throughline/runtime';
import { Clock, SystemClock } from '../common/clock';
import { AggregateLoader } from '../common/aggregate-loader';
import { DecideHandler } from '../common/decide.handler';
import { EntityReader } from '../common/entity-reader';
import { APP_CONFIG, EVENT_STORE } from '../common/tokens';

@Global()
@Module({})
export class PersistenceModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly readModels: ReadModelDb,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // Async: EventStoreDB is reached over the network, and a start-up it cannot serve fails here.
        { provide: EVENT_STORE, useFactory: () => connectEventStore(config) },
        // After the store, which creates the data directory and may refuse to open.
        { provide: ReadModelDb, inject: [EVENT_STORE], useFactory: () => openReadModels(config) },
        {
          provide: Projector,
          inject: [EVENT_STORE, ReadModelDb],
          useFactory: (store: EventStore, db: ReadModelDb) =>
            new Projector(store, db, projectionsFor(), {
              onError: (error) => new Logger('Projector').error(error.message, error.stack),
            }),
        },
        // The projector creates the tables the reader prepares statements against.
        { provide: EntityStateReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new EntityStateReader(db) },
        { provide: AlignmentReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new AlignmentReader(db) },
        { provide: AuditLogReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new AuditLogReader(db) },
        {
          provide: ObjectiveMeasurementReader,
          inject: [ReadModelDb, Projector],
          useFactory: (db: ReadModelDb) => new ObjectiveMeasurementReader(db),
        },
        { provide: Clock, useClass: SystemClock },
        { provide: StateCache, useFactory: () => new StateCache() },
        { provide: KeyedLock, useFactory: () => new KeyedLock() },
        { provide: AsOfFolds, inject: [EVENT_STORE], useFactory: (store: EventStore) => new AsOfFolds(store) },
        EntityReader,
        AggregateLoader,
        // The one command handler, for every aggregate.
        DecideHandler,
      ],
      exports: [
        APP_CONFIG,
        EVENT_STORE,
        ReadModelDb,
        Projector,
        EntityStateReader,
        AlignmentReader,
        AuditLogReader,
        ObjectiveMeasurementReader,
        Clock,
        StateCache,
        KeyedLock,
        EntityReader,
        AggregateLoader,
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    if (this.projector.schema === 'created') this.logger.log('building the read models from the events for the first time');
    if (this.projector.schema === 'rebuilt') this.logger.log('read models changed shape or store: rebuilding them from the events');
    await this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.store.close();
    this.readModels.close();
  }
}
