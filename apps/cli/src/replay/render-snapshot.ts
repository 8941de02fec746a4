import type { PmoSnapshot } from './pmo-snapshot';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The snapshot as a person reads it in a terminal. */
export function renderSnapshot(snapshot: PmoSnapshot): string {
  const { pmo, mandate, objectives, plan } = snapshot;
  const lines = [`${pmo.name} (${pmo.kind} PMO ${pmo.id}) as of ${snapshot.asOf}`, `Head: ${pmo.head ?? '(none)'}`, ''];

  if (mandate) {
    lines.push(`Mandate v${mandate.version}: ${mandate.purpose}, sponsored by ${mandate.sponsor}, in force from ${mandate.effectiveFrom}`);
    lines.push(`  ${mandate.statement}`);
  } else {
    lines.push('Mandate: none in force');
  }

  lines.push('', objectives.length > 0 ? 'Objectives' : 'Objectives: none');
  for (const o of objectives) {
    const value = o.currentValue === null ? 'no measurement' : `${o.currentValue} ${o.unit}`;
    lines.push(`  ${o.title} [${o.status}, ${o.health}]`);
    lines.push(`    current ${value}; target ${o.target} ${o.unit} from ${o.baseline}; progress ${percent(o.progress)} of ${percent(o.expectedProgress)} expected`);
  }

  lines.push('');
  if (plan) {
    const baseline = plan.baselineVersion === null ? 'no approved version' : `baseline v${plan.baselineVersion}`;
    lines.push(`Plan: ${plan.title} v${plan.version} ${plan.status} (${baseline}), ${plan.periodStart} to ${plan.periodEnd}`);
    for (const a of plan.activities) {
      lines.push(`  - ${a.title} [${a.status}] ${a.startsOn} to ${a.endsOn}, ${a.responsible}`);
    }
    if (plan.activities.length === 0) lines.push('  (no activities)');
  } else {
    lines.push('Plan: none');
  }
  return lines.join('\n');
}
