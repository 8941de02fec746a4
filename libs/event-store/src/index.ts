export * from './event-store.port';
export * from './errors';
export * from './command-handling';
export * from './integrity/event-hash';
export * from './integrity/verify-store';
export * from './upcasting';
export * from './memory/memory-event-store';
export * from './sqlite/sqlite-event-store';
