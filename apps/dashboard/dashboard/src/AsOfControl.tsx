import { type FormEvent, useState } from 'react';
import { instantText } from './format';
import { fromLocalInputValue, toLocalInputValue } from './time';

/**
 * Chooses the recorded instant the dashboard shows: any moment up to now, to the second, in the
 * browser's time zone. The dashboard then shows what the service knew at that moment.
 */
export function AsOfControl({ asOf, onChange }: { asOf: Date | null; onChange: (asOf: Date | null) => void }) {
  const [draft, setDraft] = useState(() => toLocalInputValue(asOf ?? new Date()));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const instant = fromLocalInputValue(draft);
    if (!instant) return setProblem('Choose a day and a time.');
    if (instant.getTime() > Date.now()) return setProblem('That moment has not come yet: choose one in the past.');
    setProblem(null);
    onChange(instant);
  };

  return (
    <form className="as-of" onSubmit={submit} aria-label="Moment shown">
      <label htmlFor="as-of-input">Show the organisation as it stood at</label>
      <input
        id="as-of-input"
        type="datetime-local"
        step="1"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={problem ? 'as-of-problem' : undefined}
      />
      <button type="submit">Show</button>
      {problem ? (
        <p id="as-of-problem" className="field-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

/** Said plainly, at the top, whenever the dashboard is not showing now. */
export function PastBanner({ asOf, onBackToNow }: { asOf: Date; onBackToNow: () => void }) {
  return (
    <div className="past-banner" role="status" data-testid="past-banner">
      <p>
        <strong>You are looking at the past.</strong> This is the organisation as it was recorded at {instantText(asOf)}; later
        changes are not shown and live updates are paused.
      </p>
      <button type="button" onClick={onBackToNow}>
        Back to now
      </button>
    </div>
  );
}
