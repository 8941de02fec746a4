import { Module } from '@nestjs/common';
import { NetworkCadenceReader, Projector, ReadModelDb } from '@throughline/read-models';
import { StandardsModule } from '../standards/standards.module';
import { ObjectiveTrendResolver } from './objective-trend.resolver';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationSummaries } from './organisation-summaries';
import { ViewerResolver } from './viewer.resolver';

/** What leadership asks across PMOs: who is asking, the organisation on a day, an objective over time. */
@Module({
  // For the compliance facts, whose reader keeps the facts as known now between questions.
  imports: [StandardsModule],
  providers: [
    // The projector creates the tables the reader prepares statements against.
    { provide: NetworkCadenceReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new NetworkCadenceReader(db) },
    OrganisationSummaries,
    OrganisationResolver,
    ObjectiveTrendResolver,
    ViewerResolver,
  ],
})
export class LeadershipModule {}
