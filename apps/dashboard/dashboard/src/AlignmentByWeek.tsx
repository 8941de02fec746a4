import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { ChartCanvas } from './ChartCanvas';
import { dayText, hours, percent, shortDayText } from './format';
import { ALIGNMENT, type AlignmentAnswer } from './queries';
import { failureText, useSession } from './session';
import { weeksBefore } from './time';
import { useGraphQL } from './use-graphql';

const WEEKS = 12;
const ALIGNED_COLOUR = '#1d7a46';
const UNALIGNED_COLOUR = '#b8860b';

/** The PMO's work over the last twelve weeks, by ISO week: hours that served an objective and hours that did not. */
export function AlignmentByWeek({ pmoId }: { pmoId: string }) {
  const { asOf, day } = useSession();
  const variables = useMemo(() => ({ pmoId, from: weeksBefore(day, WEEKS), to: day, asOf: asOf?.toISOString() ?? null }), [pmoId, day, asOf]);
  const { data, error } = useGraphQL<AlignmentAnswer>(ALIGNMENT, variables);
  const buckets = data?.alignment.buckets;
  const config = useMemo<ChartConfiguration | null>(
    () =>
      buckets
        ? {
            type: 'bar',
            data: {
              labels: buckets.map((b) => shortDayText(b.start)),
              datasets: [
                { label: 'Aligned hours', data: buckets.map((b) => b.alignedHours), backgroundColor: ALIGNED_COLOUR },
                { label: 'Unaligned hours', data: buckets.map((b) => b.totalHours - b.alignedHours), backgroundColor: UNALIGNED_COLOUR },
              ],
            },
            options: { responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'hours' } } } },
          }
        : null,
    [buckets],
  );

  if (error) return <p role="alert">The alignment could not be loaded: {failureText(error)}</p>;
  if (!data || !config || !buckets) return <p className="muted">Loading the alignment…</p>;
  const { alignment } = data;
  const label = `Hours by week over the last ${WEEKS} weeks: ${hours(alignment.totalHours)} in all, ${percent(alignment.alignedShare)} aligned. ${buckets
    .map((b) => `Week of ${dayText(b.start)}: ${hours(b.totalHours)}, ${percent(b.alignedShare)} aligned`)
    .join('; ')}.`;
  return (
    <>
      <p data-figure="alignment-total">
        {hours(alignment.totalHours)} of work in the last {WEEKS} weeks, {percent(alignment.alignedShare)} of it aligned with an objective.
      </p>
      <ChartCanvas config={config} label={label} />
      <details className="figures">
        <summary>Figures by week</summary>
        <div className="scroll" role="region" aria-label="Work by week" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Work by week</caption>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Hours</th>
                <th scope="col">Aligned</th>
                <th scope="col">Share aligned</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.start}>
                  <th scope="row">
                    {dayText(b.start)} – {dayText(b.end)}
                  </th>
                  <td>{hours(b.totalHours)}</td>
                  <td>{hours(b.alignedHours)}</td>
                  <td>{percent(b.alignedShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
