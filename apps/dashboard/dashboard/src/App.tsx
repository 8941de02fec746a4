import { useCallback, useEffect, useState } from 'react';
import { requestGraphQL } from '../../shared/graphql-http';
import { forgetToken, keepToken, readToken } from '../../shared/token-store';
import { Dashboard } from './Dashboard';
import { VIEWER, type ViewerAnswer } from './queries';
import { failureText, isRefusedToken } from './session';
import { SignIn } from './SignIn';

type Viewer = ViewerAnswer['viewer'];

/** Signed out, the sign-in form; signed in, the dashboard. A token kept in this tab signs in again on reload. */
export function App() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** Why the kept token could not be checked, when the service did not answer (not when it refused it). */
  const [unreachable, setUnreachable] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const signOut = useCallback((reason?: string) => {
    forgetToken();
    setToken(null);
    setViewer(null);
    setNotice(reason ?? 'You are signed out.');
  }, []);

  const onFailure = useCallback(
    (failure: unknown) => {
      if (isRefusedToken(failure)) signOut('The service no longer accepts your token (it may have expired): sign in again.');
    },
    [signOut],
  );

  useEffect(() => {
    if (!token || viewer) return;
    setUnreachable(null);
    requestGraphQL<ViewerAnswer>(token, VIEWER).then(
      (answer) => setViewer(answer.viewer),
      // A refused token is forgotten; a service that did not answer may answer the next time.
      (failure: unknown) => (isRefusedToken(failure) ? onFailure(failure) : setUnreachable(failureText(failure))),
    );
  }, [token, viewer, attempt, onFailure]);

  if (!token) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(value, who) => {
          keepToken(value);
          setNotice(null);
          setViewer(who);
          setToken(value);
        }}
      />
    );
  }
  if (!viewer) {
    return (
      <main className="sign-in">
        {unreachable ? (
          <>
            <p role="alert">The service could not be reached: {unreachable}</p>
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </>
        ) : (
          <p className="muted">Signing in…</p>
        )}
      </main>
    );
  }
  return <Dashboard token={token} viewer={viewer} onSignOut={signOut} onFailure={onFailure} />;
}
