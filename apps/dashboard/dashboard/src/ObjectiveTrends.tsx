import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas } from './ChartCanvas';
import { dayText, percent, shortDayText } from './format';
import { HealthBadge } from './HealthBadge';
import { type ObjectiveRow, type TrendPoint, trendsQuery } from './queries';
import { failureText, useSession } from './session';
import { trendEnd } from './time';
import { useGraphQL } from './use-graphql';

const PROGRESS_COLOUR = '#1d5fa8';
const EXPECTED_COLOUR = '#6b6b6b';

/** Every objective of the PMO with its health now (or then), and its progress over time against the expected line. */
export function ObjectiveTrends({ objectives }: { objectives: readonly ObjectiveRow[] }) {
  const { asOf, day } = useSession();
  // Objectives that had begun by the day shown; one that starts later has no trend yet.
  const charted = objectives.filter((o) => o.startsOn <= day);
  const variables: Record<string, unknown> = { asOf: asOf?.toISOString() ?? null };
  charted.forEach((objective, i) => {
    variables[`id${i}`] = objective.entityId;
    variables[`from${i}`] = objective.startsOn;
    variables[`to${i}`] = trendEnd(objective.dueOn, day);
  });
  const trends = useGraphQL<Record<string, TrendPoint[]>>(charted.length > 0 ? trendsQuery(charted.length) : null, variables);

  if (objectives.length === 0) return <p>This PMO has no objectives{asOf ? ' at that moment' : ''}.</p>;
  return (
    <ul className="objectives">
      {objectives.map((objective) => {
        const index = charted.indexOf(objective);
        const points = index >= 0 ? trends.data?.[`t${index}`] : undefined;
        return (
          <li key={objective.entityId} className="objective" data-objective-id={objective.entityId}>
            <div className="objective-head">
              <h4>{objective.title}</h4>
              <span data-figure="health">
                <HealthBadge health={objective.health} />
              </span>
            </div>
            <p className="objective-figures" data-figure="objective-progress">
              Progress {percent(objective.progress)} against {percent(objective.expectedProgress)} expected
              {objective.currentValue !== null
                ? ` · ${objective.metric.name}: ${objective.currentValue} ${objective.metric.unit} (from ${objective.metric.baseline} towards ${objective.metric.target})`
                : ` · ${objective.metric.name}: not measured yet`}
              {` · due ${dayText(objective.dueOn)}`}
            </p>
            {index < 0 ? (
              <p className="muted">Starts {dayText(objective.startsOn)}: no trend yet.</p>
            ) : trends.error ? (
              <p role="alert">The trend could not be loaded: {failureText(trends.error)}</p>
            ) : points ? (
              <Trend title={objective.title} points={points} />
            ) : (
              <p className="muted">Loading the trend…</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Trend({ title, points }: { title: string; points: readonly TrendPoint[] }) {
  const config = useMemo<ChartConfiguration>(
    () => ({
      type: 'line',
      data: {
        labels: points.map((p) => shortDayText(p.on)),
        datasets: [
          { label: 'Progress', data: points.map((p) => Math.round(p.progress * 1000) / 10), borderColor: PROGRESS_COLOUR, backgroundColor: PROGRESS_COLOUR, tension: 0 },
          {
            label: 'Expected',
            data: points.map((p) => Math.round(p.expectedProgress * 1000) / 10),
            borderColor: EXPECTED_COLOUR,
            backgroundColor: EXPECTED_COLOUR,
            borderDash: [6, 4],
            pointRadius: 0,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, suggestedMax: 100, title: { display: true, text: '% of target' } } },
        plugins: { tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.formattedValue}%` } } },
      },
    }),
    [points],
  );
  const last = points[points.length - 1];
  const label = last
    ? `Progress of ${title} over ${points.length} week${points.length === 1 ? '' : 's'}: ${percent(last.progress)} against ${percent(last.expectedProgress)} expected on ${dayText(last.on)}.`
    : `No progress recorded for ${title} yet.`;
  return (
    <>
      <ChartCanvas config={config} label={label} />
      <details className="figures">
        <summary>Figures by week</summary>
        <div className="scroll" role="region" aria-label={`Progress of ${title} by week`} tabIndex={0}>
          <table>
            <caption className="visually-hidden">Progress of {title} by week</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Value</th>
                <th scope="col">Progress</th>
                <th scope="col">Expected</th>
                <th scope="col">Health</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.on}>
                  <th scope="row">{dayText(p.on)}</th>
                  <td>{p.value ?? '—'}</td>
                  <td>{percent(p.progress)}</td>
                  <td>{percent(p.expectedProgress)}</td>
                  <td>
                    <HealthBadge health={p.health} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
