/** Injection tokens for ports whose implementation is chosen by configuration. */
export const EVENT_STORE = Symbol('EventStore');
export const APP_CONFIG = Symbol('AppConfig');
/** Which event fields are personal data and whose (PersonalFieldRules): sealed on the way in, opened on the way out. */
export const PERSONAL_FIELD_RULES = Symbol('PersonalFieldRules');
/** How bearer tokens are checked (TokenVerifier): one for the HTTP path and live updates alike, sharing what it remembers. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');
