export * from './decider-spec';
export * from './decide-or-refuse';
export * from './free-port';
export * from './scan-directory';
export * from './network-history.arbitrary';
