import { createContext, useContext } from 'react';
import { GraphQLFailure } from '../../shared/graphql-http';

/** What every part of the signed-in dashboard shares: who asks, about when, and how fresh. */
export interface Session {
  readonly token: string;
  /** The recorded instant shown; null for now. */
  readonly asOf: Date | null;
  /** The day judged: today (UTC), or the day of asOf. */
  readonly day: string;
  /** Grows when live updates say the figures changed, so what shows them asks again. */
  readonly refreshTick: number;
  /** Called with every failure: a refused token ends the session. */
  readonly onFailure: (failure: unknown) => void;
}

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in dashboard');
  return session;
};

export const isRefusedToken = (failure: unknown): boolean => failure instanceof GraphQLFailure && failure.code === 'UNAUTHENTICATED';

/** What a person should read when a part of the dashboard could not be loaded. */
export const failureText = (failure: unknown): string => {
  if (failure instanceof GraphQLFailure) {
    if (failure.code === 'FORBIDDEN') return 'Your token does not let you see this.';
    return failure.code ? `${failure.message} (${failure.code})` : failure.message;
  }
  return failure instanceof Error ? failure.message : String(failure);
};
