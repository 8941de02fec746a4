export * from './audit-log.projection';
export * from './audit-log.reader';
