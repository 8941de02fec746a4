import { type FormEvent, useState } from 'react';
import { cleanToken } from '../../shared/token-store';

/** Where the bearer token is given: kept for this tab, sent as the Authorization header of every request. */
export function TokenBar({ token, onChange }: { token: string | null; onChange: (token: string | null) => void }) {
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = cleanToken(draft);
    if (cleaned === '') return;
    onChange(cleaned);
    setDraft('');
  };
  return (
    <header className="token-bar">
      <h1>Throughline · GraphQL IDE</h1>
      <form onSubmit={submit}>
        <label htmlFor="token">Bearer token</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={token ? 'set: paste another to replace it' : 'paste your token'}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">Use token</button>
        {token ? (
          <button type="button" onClick={() => onChange(null)}>
            Forget token
          </button>
        ) : null}
      </form>
      <p role="status" className="token-state" data-testid="token-state">
        {token ? 'A token is set for this tab and sent with every request.' : 'No token: requests are refused until you give one.'}
      </p>
      <a href="/dashboard">Dashboard</a>
    </header>
  );
}
