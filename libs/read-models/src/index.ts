export * from './projection';
export * from './read-model-db';
export * from './projector';
export * from './projector-errors';
export * from './entity-state.projection';
export * from './entity-state.reader';
export * from './alignment';
export * from './audit';
