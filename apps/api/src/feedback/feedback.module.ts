import { Module } from '@nestjs/common';
import { FeedbackReader } from './feedback.reader';
import { FeedbackResolver } from './feedback.resolver';
import { FeedbackSnapshots } from './feedback.snapshots';
import { NoStandards, StandardLookup } from './standard-lookup';

@Module({
  providers: [FeedbackResolver, FeedbackReader, FeedbackSnapshots, { provide: StandardLookup, useClass: NoStandards }],
})
export class FeedbackModule {}
