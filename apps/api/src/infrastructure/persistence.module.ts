import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { KeyedLock, PersonalDataVault, StateCache, type EventStore } from '@throughline/event-store';
import {
  AlignmentReader,
  AsOfFolds,
  AuditLogReader,
  EntityStateReader,
  ObjectiveContributionsReader,
  erasedSubjectIds,
  ObjectiveMeasurementReader,
  Projector,
  ReadModelDb,
  ViewCheckpointReader,
} from '@throughline/read-models';
import { CHECKPOINTED_KINDS, ENTITY_KINDS, type AppConfig, auditLogReaderFor, connectEventStore, openPersonalDataVault, openReadModels, PERSONAL_FIELD_RULES as PERSONAL_FIELDS, projectionsFor } from '@throughline/runtime';
import { Clock, SystemClock } from '../common/clock';
import { ListCap } from '../common/connections';
import { AggregateLoader } from '../common/aggregate-loader';
import { DecideHandler } from '../common/decide.handler';
import { EntityReader } from '../common/entity-reader';
import { EventDataOpener } from '../common/event-data-opener';
import { APP_CONFIG, EVENT_STORE, PERSONAL_FIELD_RULES } from '../common/tokens';

@Global()
@Module({})
export class PersistenceModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly readModels: ReadModelDb,
    private readonly vault: PersonalDataVault,
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
        { provide: PERSONAL_FIELD_RULES, useValue: PERSONAL_FIELDS },
        // The keys personal data is sealed under: in the data directory, or on EventStoreDB for every instance.
        { provide: PersonalDataVault, inject: [EVENT_STORE], useFactory: (store: EventStore) => openPersonalDataVault(config, store) },
        {
          provide: Projector,
          inject: [EVENT_STORE, ReadModelDb, PersonalDataVault],
          useFactory: (store: EventStore, db: ReadModelDb, vault: PersonalDataVault) =>
            new Projector(store, db, projectionsFor(store, { onErased: (subjectId) => forgetAndErase(vault, subjectId) }), {
              onError: (error) => new Logger('Projector').error(error.message, error.stack),
            }),
        },
        // The projector creates the tables the reader prepares statements against.
        { provide: EntityStateReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new EntityStateReader(db) },
        { provide: AlignmentReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new AlignmentReader(db) },
        {
          provide: ObjectiveContributionsReader,
          inject: [ReadModelDb, Projector],
          useFactory: (db: ReadModelDb) => new ObjectiveContributionsReader(db),
        },
        {
          provide: AuditLogReader,
          inject: [ReadModelDb, EVENT_STORE, Projector],
          useFactory: (db: ReadModelDb, store: EventStore) => auditLogReaderFor(db, store),
        },
        {
          provide: ObjectiveMeasurementReader,
          inject: [ReadModelDb, Projector],
          useFactory: (db: ReadModelDb) => new ObjectiveMeasurementReader(db),
        },
        { provide: Clock, useClass: SystemClock },
        { provide: StateCache, useFactory: () => new StateCache() },
        { provide: KeyedLock, useFactory: () => new KeyedLock() },
        // The projector creates view_checkpoint, which lets a question about the past start near its instant.
        {
          provide: AsOfFolds,
          inject: [EVENT_STORE, ReadModelDb, Projector],
          useFactory: (store: EventStore, db: ReadModelDb) =>
            new AsOfFolds(store, { checkpoints: new ViewCheckpointReader(db, ENTITY_KINDS, CHECKPOINTED_KINDS) }),
        },
        EntityReader,
        AggregateLoader,
        EventDataOpener,
        ListCap,
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
        ObjectiveContributionsReader,
        AuditLogReader,
        ObjectiveMeasurementReader,
        Clock,
        StateCache,
        KeyedLock,
        EntityReader,
        AggregateLoader,
        PERSONAL_FIELD_RULES,
        PersonalDataVault,
        EventDataOpener,
        ListCap,
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    if (this.projector.schema === 'created') this.logger.log('building the read models from the events for the first time');
    if (this.projector.schema === 'rebuilt') this.logger.log('read models changed shape or store: rebuilding them from the events');
    await this.projector.start();
    await this.finishErasures();
  }

  /**
   * Destroys again the key of every subject an erasure was recorded for (idempotent): an erasure
   * whose process died after recording it and before destroying the key is finished here, before
   * the service answers anything.
   */
  private async finishErasures(): Promise<void> {
    const subjects = erasedSubjectIds(this.readModels);
    for (const subject of subjects) this.vault.forget(subject);
    for (const subject of subjects) await this.vault.erase(subject);
    if (subjects.length > 0) this.logger.log(`personal data of ${subjects.length} erased people checked to be unreadable`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.vault.close();
    await this.store.close();
    this.readModels.close();
  }
}

/**
 * An erasure the projector applied, recorded by this or another instance: the subject's key is
 * forgotten here at once and destroyed again in the key store (idempotent), which finishes an
 * erasure whose recording instance died before destroying the key.
 */
function forgetAndErase(vault: PersonalDataVault, subjectId: string): void {
  vault.forget(subjectId);
  vault.erase(subjectId).catch((error: unknown) =>
    new Logger('PersonalData').error(`could not destroy the key of erased subject ${subjectId}; the next start retries: ${(error as Error).message}`),
  );
}
