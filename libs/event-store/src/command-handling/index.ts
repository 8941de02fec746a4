export * from './command-errors';
export * from './handle-command';
export * from './fold-stream';
export * from './state-cache';
export * from './keyed-lock';
