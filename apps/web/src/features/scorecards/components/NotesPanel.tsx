import type { Updater } from './ScorecardForm';

/** The interviewer's working notes: kept with the scorecard, seen by nobody else. */
export function NotesPanel({ notes, update }: { notes: string; update: Updater | null }) {
  return (
    <section className="panel panel--padded notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title" className="section-header__title">
        Your notes
      </h2>
      {update ? (
        <>
          <label htmlFor="scorecard-notes" className="visually-hidden">
            Your notes
          </label>
          <textarea
            id="scorecard-notes"
            className="input textarea notes-panel__text"
            rows={7}
            value={notes}
            onChange={(e) => update((d) => ({ ...d, notes: e.target.value }))}
            aria-describedby="scorecard-notes-hint"
          />
          <p id="scorecard-notes-hint" className="field__hint">
            Private: only you see these. Write what you hear; rate it below.
          </p>
        </>
      ) : notes.trim() ? (
        <p className="summary__text">{notes}</p>
      ) : (
        <p className="muted">No notes.</p>
      )}
    </section>
  );
}
