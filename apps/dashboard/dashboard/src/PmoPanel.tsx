import { useMemo } from 'react';
import { AlignmentByWeek } from './AlignmentByWeek';
import { ComplianceMatrix } from './ComplianceMatrix';
import { words } from './format';
import { NetworkHealthCard } from './NetworkHealthCard';
import { ObjectiveTrends } from './ObjectiveTrends';
import { type ObjectiveRow, PMO_OBJECTIVES, type PmoAnswer } from './queries';
import { failureText, useSession } from './session';
import { useGraphQL } from './use-graphql';

/** An objective as live updates last reported it, and when that report arrived. */
export interface LivePatch {
  readonly objective: ObjectiveRow;
  readonly receivedAt: number;
}

/** One PMO: its objectives and their trends, its work's alignment by week, its compliance and its network. */
export function PmoPanel({ pmoId, patches }: { pmoId: string; patches: ReadonlyMap<string, LivePatch> }) {
  const { asOf } = useSession();
  const variables = useMemo(() => ({ id: pmoId, asOf: asOf?.toISOString() ?? null }), [pmoId, asOf]);
  const { data, error, sentAt } = useGraphQL<PmoAnswer>(PMO_OBJECTIVES, variables);
  const pmo = data?.pmo;
  // A change reported after the figures were asked for is newer than they are.
  const objectives = useMemo(
    () =>
      (pmo?.objectivesConnection.edges ?? []).map(({ node: objective }) => {
        const patch = patches.get(objective.entityId);
        return patch && !asOf && patch.receivedAt > sentAt ? { ...objective, ...patch.objective } : objective;
      }),
    [pmo, patches, sentAt, asOf],
  );

  if (error) return <p role="alert">This PMO could not be loaded: {failureText(error)}</p>;
  if (!data) return <p className="muted">Loading…</p>;
  if (!pmo) return <p>This PMO did not exist {asOf ? 'at that moment' : 'any more'}.</p>;
  return (
    <article className="pmo" aria-labelledby="pmo-title">
      <header className="pmo-head">
        <h2 id="pmo-title" tabIndex={-1}>
          {pmo.name}
        </h2>
        <p className="muted">
          {words(pmo.kind)} PMO{pmo.head ? `, headed by ${pmo.head}` : ''}
          {pmo.mandate ? ` · mandate: ${words(pmo.mandate.purpose)} — ${pmo.mandate.statement}` : ' · no mandate'}
        </p>
      </header>
      <section aria-labelledby="objectives-title">
        <h3 id="objectives-title">Objectives: progress against expected</h3>
        <ObjectiveTrends objectives={objectives} />
        {pmo.objectivesConnection.totalCount > objectives.length ? (
          <p className="muted">
            Showing the first {objectives.length} of {pmo.objectivesConnection.totalCount} objectives.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="alignment-title">
        <h3 id="alignment-title">Alignment by week</h3>
        <AlignmentByWeek pmoId={pmo.entityId} />
      </section>
      <section aria-labelledby="compliance-title">
        <h3 id="compliance-title">Compliance with standards</h3>
        <ComplianceMatrix pmoId={pmo.entityId} />
      </section>
      <section aria-labelledby="network-title">
        <h3 id="network-title">Network health</h3>
        <NetworkHealthCard pmoId={pmo.entityId} />
      </section>
    </article>
  );
}
