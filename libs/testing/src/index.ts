export * from './decider-spec';
export * from './decide-or-refuse';
