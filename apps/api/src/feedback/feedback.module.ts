import { Module } from '@nestjs/common';
import { FeedbackReader } from './feedback.reader';
import { FeedbackResolver } from './feedback.resolver';
import { FeedbackSnapshots } from './feedback.snapshots';
import { RecordedStandards, StandardLookup } from './standard-lookup';

@Module({
  providers: [FeedbackResolver, FeedbackReader, FeedbackSnapshots, { provide: StandardLookup, useClass: RecordedStandards }],
})
export class FeedbackModule {}
