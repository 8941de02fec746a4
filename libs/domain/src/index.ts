export * from './shared/decider';
export * from './shared/domain-error';
export * from './shared/local-date';
