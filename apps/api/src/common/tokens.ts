/** Injection tokens for ports whose implementation is chosen by configuration. */
export const EVENT_STORE = Symbol('EventStore');
export const APP_CONFIG = Symbol('AppConfig');
