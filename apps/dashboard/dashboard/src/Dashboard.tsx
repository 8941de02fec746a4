import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AsOfControl, PastBanner } from './AsOfControl';
import { HEALTH_LABELS } from './format';
import { type LiveState, useLiveObjectives } from './live';
import { OrganisationTree } from './OrganisationTree';
import { type LivePatch, PmoPanel } from './PmoPanel';
import { ORGANISATION, type ObjectiveRow, type OrganisationAnswer } from './queries';
import { failureText, type Session, SessionContext, useSession } from './session';
import { utcDay } from './time';
import { useGraphQL } from './use-graphql';

/** Changes arriving together (a burst of progress records) refresh the figures once. */
const REFRESH_AFTER_MS = 400;

const LIVE_TEXT: Readonly<Record<LiveState, string>> = {
  off: 'Live updates paused',
  connecting: 'Connecting live updates…',
  live: 'Live',
  unavailable: 'Live updates unavailable: reload to try again',
};

interface Props {
  readonly token: string;
  readonly viewer: { subject: string; roles: string[] };
  readonly onSignOut: (reason?: string) => void;
  readonly onFailure: (failure: unknown) => void;
}

export function Dashboard({ token, viewer, onSignOut, onFailure }: Props) {
  const [asOf, setAsOf] = useState<Date | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [refreshTick, setRefreshTick] = useState(0);
  const [patches, setPatches] = useState<ReadonlyMap<string, LivePatch>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const refreshTimer = useRef<number | undefined>(undefined);

  const refreshSoon = useCallback(() => {
    window.clearTimeout(refreshTimer.current);
    refreshTimer.current = window.setTimeout(() => setRefreshTick((tick) => tick + 1), REFRESH_AFTER_MS);
  }, []);
  const onChange = useCallback(
    (objective: ObjectiveRow) => {
      setPatches((current) => new Map(current).set(objective.entityId, { objective, receivedAt: Date.now() }));
      setAnnouncement(`${objective.title} is now ${HEALTH_LABELS[objective.health].toLowerCase()}.`);
      refreshSoon();
    },
    [refreshSoon],
  );
  useEffect(() => () => window.clearTimeout(refreshTimer.current), []);
  const live = useLiveObjectives(token, asOf === null, onChange, refreshSoon);

  const day = asOf ? utcDay(asOf) : utcDay(new Date());
  const session = useMemo<Session>(() => ({ token, asOf, day, refreshTick, onFailure }), [token, asOf, day, refreshTick, onFailure]);
  const showAsOf = (instant: Date | null) => {
    setPatches(new Map());
    setAsOf(instant);
  };

  return (
    <SessionContext.Provider value={session}>
      <header className={`top${asOf ? ' top-past' : ''}`}>
        <div className="top-line">
          <h1>Throughline · leadership</h1>
          <p className="who">
            Signed in as <strong>{viewer.subject}</strong> ({viewer.roles.join(', ')})
          </p>
          <p className={`live live-${live}`} role="status" data-testid="live-status">
            {LIVE_TEXT[live]}
          </p>
          <button type="button" onClick={() => onSignOut()}>
            Sign out
          </button>
        </div>
        <AsOfControl asOf={asOf} onChange={showAsOf} />
        {asOf ? <PastBanner asOf={asOf} onBackToNow={() => showAsOf(null)} /> : null}
      </header>
      <main className="layout">
        <nav className="tree-pane" aria-labelledby="organisation-title">
          <h2 id="organisation-title">Organisation</h2>
          <Organisation selected={selected} onSelect={setSelected} />
        </nav>
        <div className="pmo-pane" id="pmo-pane">
          {selected ? <PmoPanel key={selected} pmoId={selected} patches={patches} /> : <p className="muted">Choose a PMO in the tree to see its objectives, work, compliance and network.</p>}
        </div>
      </main>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </SessionContext.Provider>
  );
}

function Organisation({ selected, onSelect }: { selected: string | null; onSelect: (pmoId: string) => void }) {
  const { asOf, day } = useSession();
  const variables = useMemo(() => ({ on: day, asOf: asOf?.toISOString() ?? null }), [day, asOf]);
  const { data, error } = useGraphQL<OrganisationAnswer>(ORGANISATION, variables);
  if (error) return <p role="alert">The organisation could not be loaded: {failureText(error)}</p>;
  if (!data) return <p className="muted">Loading the organisation…</p>;
  return (
    <OrganisationTree
      summaries={data.organisation.pmos}
      selected={selected}
      onSelect={(pmoId) => {
        onSelect(pmoId);
        // On a narrow screen the PMO is shown below the tree: bring it into view.
        if (window.matchMedia('(max-width: 899px)').matches) document.getElementById('pmo-pane')?.scrollIntoView({ block: 'start' });
      }}
    />
  );
}
