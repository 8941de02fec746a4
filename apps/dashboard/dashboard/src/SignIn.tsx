import { type FormEvent, useState } from 'react';
import { requestGraphQL } from '../../shared/graphql-http';
import { cleanToken } from '../../shared/token-store';
import { VIEWER, type ViewerAnswer } from './queries';
import { failureText, isRefusedToken } from './session';

/** Signing in is pasting a token: it is checked by asking the service who it belongs to. */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (token: string, viewer: ViewerAnswer['viewer']) => void }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const token = cleanToken(draft);
    if (token === '') return setProblem('Paste your token first.');
    setChecking(true);
    try {
      const { viewer } = await requestGraphQL<ViewerAnswer>(token, VIEWER);
      setProblem(null);
      onSignedIn(token, viewer);
    } catch (failure) {
      setProblem(isRefusedToken(failure) ? `The service refused this token: ${failureText(failure)}` : `Could not sign in: ${failureText(failure)}`);
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Throughline · leadership</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Sign in</h2>
        <label htmlFor="token">Your bearer token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          aria-describedby={problem ? 'token-help token-problem' : 'token-help'}
          aria-invalid={problem !== null}
        />
        <p id="token-help" className="muted">
          Paste the token you were given (<code>npm run token</code> or your identity provider). It stays in this browser tab only, is
          sent with each request, and is forgotten when you sign out or close the tab.
        </p>
        {problem ? (
          <p id="token-problem" className="field-problem" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
