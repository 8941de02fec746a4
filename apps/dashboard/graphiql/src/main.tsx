import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetToken, keepToken, readToken } from '../../shared/token-store';
import { serviceFetcher } from './fetcher';
import './graphiql.css';
import { TokenBar } from './TokenBar';

const FIRST_QUERY = `# Give your bearer token above, then run this with the ▶ button (or Ctrl-Enter).
# The schema (Docs, completion) loads once a token is set: introspection needs one too.
query Offices {
  pmos { id name kind }
}
`;

function Ide() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const current = useRef(token);
  current.current = token;
  const fetcher = useMemo(() => serviceFetcher(() => current.current), []);
  return (
    <div className="ide">
      <TokenBar
        token={token}
        onChange={(value) => {
          if (value) keepToken(value);
          else forgetToken();
          setToken(value);
        }}
      />
      <main className="ide-main">
        {/* Mounted again with each token, so the schema is fetched with the token that may read it. */}
        <GraphiQL key={token ?? 'none'} fetcher={fetcher} defaultQuery={FIRST_QUERY} />
      </main>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
