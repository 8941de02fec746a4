import { Module } from '@nestjs/common';
import { NetworkFactsReader, Projector, ReadModelDb, TouchpointPagesReader } from '@throughline/read-models';
import { ActivitiesModule } from '../activities/activities.module';
import { WorkModule } from '../work/work.module';
import { ContactCommands } from './contact.commands';
import { ContactResolver, StanceAssessmentResolver } from './contact.resolver';
import { Erasures } from './erasure';
import { GroupHealthResolver, NetworkHealthResolver, NetworkMapResolver } from './network-health.resolver';
import { NetworkGroupCommands } from './network-group.commands';
import { NetworkGroupResolver } from './network-group.resolver';
import { NetworkLoaders } from './network.loaders';
import { NetworkReader } from './network.reader';
import { NetworkSnapshots } from './network.snapshots';
import { NetworkViews } from './network.views';
import { PersonalData } from './personal-data';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalText } from './personal-text';
import { TouchpointCommands } from './touchpoint.commands';
import { TouchpointResolver } from './touchpoint.resolver';

/** The PMO's network: contacts, groups, touchpoints, the network's health and map, and a person's data in it. */
@Module({
  imports: [ActivitiesModule, WorkModule],
  providers: [
    // The projector creates the tables the reader prepares statements against.
    { provide: NetworkFactsReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new NetworkFactsReader(db) },
    { provide: TouchpointPagesReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new TouchpointPagesReader(db) },
    PersonalText,
    NetworkViews,
    NetworkSnapshots,
    NetworkReader,
    NetworkLoaders,
    ContactCommands,
    NetworkGroupCommands,
    TouchpointCommands,
    Erasures,
    PersonalData,
    ContactResolver,
    StanceAssessmentResolver,
    NetworkGroupResolver,
    TouchpointResolver,
    NetworkHealthResolver,
    GroupHealthResolver,
    NetworkMapResolver,
    PersonalDataResolver,
  ],
})
export class NetworkModule {}
