import { Module } from '@nestjs/common';
import { PmoLifecycleResolver } from './pmo-lifecycle.resolver';
import { PmoMerger } from './pmo-merger';
import { PmoReader } from './pmo.reader';
import { PmoResolver } from './pmo.resolver';
import { StandardsModule } from '../standards/standards.module';

@Module({
  // For the standards that compared PMOs differ on (STANDARD_GAPS).
  imports: [StandardsModule],
  providers: [
    PmoResolver,
    PmoLifecycleResolver,
    PmoMerger,
    PmoReader,
  ],
})
export class PmosModule {}
