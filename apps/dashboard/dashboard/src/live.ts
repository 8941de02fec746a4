import { createClient } from 'graphql-ws';
import { useEffect, useRef, useState } from 'react';
import { OBJECTIVE_CHANGED, type ObjectiveChanged, type ObjectiveRow } from './queries';

export type LiveState = 'off' | 'connecting' | 'live' | 'unavailable';

const socketUrl = (): string => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;

/**
 * While `enabled` (the dashboard shows now), every change to any objective the token may read
 * arrives over a WebSocket (graphql-ws) and is handed to `onChange`. The token travels in the
 * connection's first message, as browsers cannot set headers on a WebSocket. Each time the
 * connection is made (again), `onConnected` is told: what changed while there was none was not
 * delivered, so the figures on screen should be asked for again.
 */
export function useLiveObjectives(
  token: string,
  enabled: boolean,
  onChange: (objective: ObjectiveRow) => void,
  onConnected: () => void,
): LiveState {
  const [state, setState] = useState<LiveState>('off');
  const handler = useRef({ onChange, onConnected });
  handler.current = { onChange, onConnected };

  useEffect(() => {
    if (!enabled) {
      setState('off');
      return;
    }
    setState('connecting');
    // A client being closed still reports its closing: by then what it says is no longer news.
    let stopped = false;
    const report = (next: LiveState) => {
      if (!stopped) setState(next);
    };
    const client = createClient({
      url: socketUrl(),
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 8,
      on: {
        connected: () => {
          report('live');
          if (!stopped) handler.current.onConnected();
        },
        closed: () => report('connecting'),
      },
    });
    const stop = client.subscribe<ObjectiveChanged>(
      { query: OBJECTIVE_CHANGED },
      {
        next: (result) => {
          if (result.data) handler.current.onChange(result.data.objectiveChanged);
        },
        error: () => report('unavailable'),
        complete: () => report('unavailable'),
      },
    );
    return () => {
      stopped = true;
      stop();
      // Disposing waits for a connection under way, and rejects with its failure when it fails:
      // a socket that never opened has nothing left to close.
      Promise.resolve(client.dispose()).catch(() => undefined);
    };
  }, [token, enabled]);

  return state;
}
