import { type Health, HEALTH_LABELS, HEALTHS } from './format';

export function HealthBadge({ health }: { health: Health }) {
  return <span className={`health health-${health.toLowerCase().replace('_', '-')}`}>{HEALTH_LABELS[health] ?? health}</span>;
}

/**
 * The share of each health among a PMO's objectives as one bar, with the counts in words beside
 * it (the bar alone says nothing to a screen reader, or to someone who cannot tell its colours).
 */
export function HealthMix({ counts, total }: { counts: readonly { health: string; objectives: number }[]; total: number }) {
  return (
    <span className="health-mix" aria-hidden="true">
      {HEALTHS.map((health) => {
        const count = counts.find((c) => c.health === health)?.objectives ?? 0;
        return count > 0 && total > 0 ? (
          <span key={health} className={`health-mix-part health-${health.toLowerCase().replace('_', '-')}`} style={{ flexGrow: count }} />
        ) : null;
      })}
    </span>
  );
}
