import { useCallback, useEffect, useState } from 'react';
import { requestGraphQL } from '../../shared/graphql-http';
import { forgetToken, keepToken, readToken } from '../../shared/token-store';
import { Dashboard } from './Dashboard';
import { VIEWER, type ViewerAnswer } from './queries';
import { isRefusedToken } from './session';
import { SignIn } from './SignIn';

type Viewer = ViewerAnswer['viewer'];

/** Signed out, the sign-in form; signed in, the dashboard. A token kept in this tab signs in again on reload. */
export function App() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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
    requestGraphQL<ViewerAnswer>(token, VIEWER).then(
      (answer) => setViewer(answer.viewer),
      (failure: unknown) => (isRefusedToken(failure) ? onFailure(failure) : signOut('The service could not be reached: sign in again.')),
    );
  }, [token, viewer, onFailure, signOut]);

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
  if (!viewer) return <p className="muted">Signing in…</p>;
  return <Dashboard token={token} viewer={viewer} onSignOut={signOut} onFailure={onFailure} />;
}
