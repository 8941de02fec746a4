export * from './alignment.schema';
export * from './alignment.projection';
export * from './alignment.reader';
export * from './alignment.types';
export type { Granularity, Period } from './alignment.buckets';
export { bucketPeriods } from './alignment.buckets';
export type { AsOf } from './alignment.as-of';
export type { LinkRow, ObjectiveHours } from './alignment.tally';
