import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the rest of Chart.js stays out of the bundle.
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, sans-serif';
Chart.defaults.color = '#333';
// Figures that appear at once, for people who asked for less motion and for every screenshot.
Chart.defaults.animation = false;

/**
 * A chart on a canvas, with its figures in `label` for those who cannot see it (a table with
 * every number goes beside it). Drawn again whenever the configuration changes.
 */
export function ChartCanvas({ config, label, className }: { config: ChartConfiguration; label: string; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div className={className ?? 'chart'}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
