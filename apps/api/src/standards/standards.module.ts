import { Module } from '@nestjs/common';
import { ComplianceFactsReader, Projector, ReadModelDb } from '@throughline/read-models';
import { ComplianceResolver, DeviationPatternResolver } from './compliance.resolver';
import { STANDARD_GAPS, type StandardGaps } from '../pmos/standard-gaps';
import { ComparisonGaps } from './comparison-gaps';
import { ComplianceRows } from './compliance-rows';
import { DeviationRequests } from './deviation-requests';
import { DeviationResolver } from './deviation.resolver';
import { OrganisationSnapshots } from './organisation.snapshots';
import { PmoToolStandardsResolver } from './pmo-tool-standards.resolver';
import { StandardResolver } from './standard.resolver';

@Module({
  providers: [
    // The projector creates the tables the reader prepares statements against.
    { provide: ComplianceFactsReader, inject: [ReadModelDb, Projector], useFactory: (db: ReadModelDb) => new ComplianceFactsReader(db) },
    OrganisationSnapshots,
    ComplianceRows,
    ComparisonGaps,
    { provide: STANDARD_GAPS, inject: [ComparisonGaps], useFactory: (gaps: ComparisonGaps): StandardGaps => (ids, on) => gaps.of(ids, on) },
    DeviationRequests,
    StandardResolver,
    DeviationResolver,
    ComplianceResolver,
    DeviationPatternResolver,
    PmoToolStandardsResolver,
  ],
  exports: [ComplianceFactsReader, STANDARD_GAPS],
})
export class StandardsModule {}
