import { useEffect, useRef, useState } from 'react';
import { requestGraphQL } from '../../shared/graphql-http';
import { useSession } from './session';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  /** When the request that produced `data` was sent (ms since the epoch). */
  readonly sentAt: number;
}

/**
 * Runs an operation whenever its variables (or the session's instant and refresh tick) change,
 * keeping the last answer on screen while the next one loads. A null query asks nothing.
 */
export function useGraphQL<T>(query: string | null, variables: Record<string, unknown>): Loaded<T> {
  const { token, refreshTick, onFailure } = useSession();
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: query !== null, sentAt: 0 });
  // Compared as text, so variables built afresh on each render ask nothing again.
  const key = JSON.stringify([query, variables, refreshTick]);
  const failureHandler = useRef(onFailure);
  failureHandler.current = onFailure;

  useEffect(() => {
    if (query === null) {
      setState({ data: null, error: null, loading: false, sentAt: 0 });
      return;
    }
    const controller = new AbortController();
    const sentAt = Date.now();
    setState((previous) => ({ ...previous, loading: true }));
    requestGraphQL<T>(token, query, variables, controller.signal).then(
      (data) => setState({ data, error: null, loading: false, sentAt }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        failureHandler.current(error);
        setState({ data: null, error, loading: false, sentAt });
      },
    );
    return () => controller.abort();
  }, [key, token]);

  return state;
}
