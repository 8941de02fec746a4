import { Module } from '@nestjs/common';
import { PmoLifecycleResolver } from './pmo-lifecycle.resolver';
import { PmoMerger } from './pmo-merger';
import { PmoReader } from './pmo.reader';
import { PmoResolver } from './pmo.resolver';
import { noStandardGaps, STANDARD_GAPS } from './standard-gaps';

@Module({
  providers: [
    PmoResolver,
    PmoLifecycleResolver,
    PmoMerger,
    PmoReader,
    // Compliance, served by its own module, replaces this with the standards the PMOs differ on.
    { provide: STANDARD_GAPS, useValue: noStandardGaps },
  ],
})
export class PmosModule {}
