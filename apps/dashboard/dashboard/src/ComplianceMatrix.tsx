import { useMemo } from 'react';
import { dayText, words } from './format';
import { COMPLIANCE, type ComplianceAnswer, type ComplianceRow } from './queries';
import { failureText, useSession } from './session';
import { useGraphQL } from './use-graphql';

/** The standards that apply to the PMO and the PMOs under it, and where each stands with each. */
export function ComplianceMatrix({ pmoId }: { pmoId: string }) {
  const { asOf, day } = useSession();
  const variables = useMemo(() => ({ pmoId, on: day, asOf: asOf?.toISOString() ?? null }), [pmoId, day, asOf]);
  const { data, error } = useGraphQL<ComplianceAnswer>(COMPLIANCE, variables);

  if (error) return <p role="alert">Compliance could not be loaded: {failureText(error)}</p>;
  if (!data) return <p className="muted">Loading compliance…</p>;
  const rows = data.compliance.rows;
  if (rows.length === 0) return <p>No standard applies to this PMO or the PMOs under it.</p>;
  const pmos = unique(rows.map((r) => r.pmo));
  const standards = unique(rows.map((r) => r.standard));
  const cell = (pmoId: string, standardId: string): ComplianceRow | undefined =>
    rows.find((r) => r.pmo.entityId === pmoId && r.standard.entityId === standardId);
  return (
    <div className="scroll" role="region" aria-label="Compliance matrix" tabIndex={0}>
      <table className="matrix">
        <caption className="visually-hidden">Compliance of each PMO with each standard</caption>
        <thead>
          <tr>
            <th scope="col">PMO</th>
            {standards.map((s) => (
              <th scope="col" key={s.entityId}>
                {s.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pmos.map((pmo) => (
            <tr key={pmo.entityId}>
              <th scope="row">{pmo.name}</th>
              {standards.map((standard) => {
                const row = cell(pmo.entityId, standard.entityId);
                return (
                  <td key={standard.entityId} className={row ? `compliance compliance-${row.status.toLowerCase().replace(/_/g, '-')}` : 'compliance'}>
                    {row ? (
                      <>
                        {words(row.status)}
                        <span className="compliance-detail">
                          {row.version !== null ? `v${row.version} of v${row.currentVersion}` : `v${row.currentVersion} due ${dayText(row.dueOn)}`}
                        </span>
                      </>
                    ) : (
                      <span className="muted">does not apply</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const unique = <T extends { entityId: string }>(items: readonly T[]): T[] => [...new Map(items.map((item) => [item.entityId, item])).values()];
