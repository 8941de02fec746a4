import { useMemo } from 'react';
import { dayText } from './format';
import { NETWORK_HEALTH, type NetworkAnswer } from './queries';
import { failureText, useSession } from './session';
import { useGraphQL } from './use-graphql';

/** How healthy the PMO's network is: its size, its champions and critics, and the groups it keeps in touch with. */
export function NetworkHealthCard({ pmoId }: { pmoId: string }) {
  const { asOf, day } = useSession();
  const variables = useMemo(() => ({ pmoId, on: day, asOf: asOf?.toISOString() ?? null }), [pmoId, day, asOf]);
  const { data, error } = useGraphQL<NetworkAnswer>(NETWORK_HEALTH, variables);

  if (error) return <p role="alert">The network could not be loaded: {failureText(error)}</p>;
  if (!data) return <p className="muted">Loading the network…</p>;
  const health = data.networkHealth;
  if (health.contacts === 0 && health.groups.length === 0) return <p>This PMO has recorded no network.</p>;
  const figures: [string, string | number][] = [
    ['Contacts', health.contacts],
    ['Champions', health.champions],
    ['Critics', health.critics],
    ['Champions and critics neglected', health.neglected.length],
    ['New contacts in 90 days', health.newContactsLast90Days],
    ['Touchpoints joining groups (90 days)', health.crossGroupTouchpoints],
    ['Changes of stance (90 days)', health.stanceChanges],
    ['Value given / received (90 days)', `${health.valueGiven} / ${health.valueReceived}`],
  ];
  return (
    <>
      {health.stale ? <p className="warning">The network is going stale: no contact added in 90 days.</p> : null}
      <dl className="figures-list">
        {figures.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {health.groups.length > 0 ? (
        <div className="scroll" role="region" aria-label="Network groups" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Network groups</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Touchpoints (90 days)</th>
                <th scope="col">Last touchpoint</th>
                <th scope="col">Cadence</th>
              </tr>
            </thead>
            <tbody>
              {health.groups.map((g) => (
                <tr key={g.group.entityId}>
                  <th scope="row">{g.group.name}</th>
                  <td>{g.touchpoints}</td>
                  <td>{g.lastTouchpointOn ? dayText(g.lastTouchpointOn) : 'never'}</td>
                  <td>{g.overdue ? 'overdue' : 'kept'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
