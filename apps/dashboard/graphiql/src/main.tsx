import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { forgetToken, keepToken, readToken } from '../../shared/token-store';
import { serviceFetcher } from './fetcher';
import './graphiql.css';
import { TokenBar } from './TokenBar';

const FIRST_QUERY = `# Give your token above, then run this with ▶ (Ctrl-Enter).
# Docs and completion load once a token is set.
query Offices {
  pmosConnection(first: 20) {
    totalCount
    edges { node { id name kind } }
  }
}
`;

function Ide() {
  const [token, setToken] = useState<string | null>(() => readToken());
  // A new fetcher with each token: GraphiQL then asks for the schema again, with the token that may read it.
  const fetcher = useMemo(() => serviceFetcher(token), [token]);
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
        <GraphiQL fetcher={fetcher} defaultQuery={FIRST_QUERY} />
      </main>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
