import type { RedFlagItem } from '@scorecard/contracts';
import { flagEvidenceId, type DraftContent } from '../scorecard-draft';
import type { Updater } from './ScorecardForm';

type RedFlagsProps = {
  items: readonly RedFlagItem[];
  flags: DraftContent['redFlags'];
  update: Updater | null;
  errors: Map<string, string>;
};

function SeverityBadge({ severity }: { severity: RedFlagItem['severity'] }) {
  return severity === 'dealbreaker' ? (
    <span className="badge severity-badge--dealbreaker">Dealbreaker</span>
  ) : (
    <span className="badge badge--neutral">Concern</span>
  );
}

/** The opening's red flags to watch for: tick one you saw and say what you saw. */
export function RedFlagChecklist({ items, flags, update, errors }: RedFlagsProps) {
  const ticked = items.filter((f) => flags[f.key]?.ticked);
  const set = (key: string, patch: Partial<{ ticked: boolean; evidence: string }>) =>
    update?.((d) => ({
      ...d,
      redFlags: { ...d.redFlags, [key]: { ticked: false, evidence: '', ...d.redFlags[key], ...patch } },
    }));

  return (
    <section className="panel panel--padded scorecard-section" aria-labelledby="red-flags-title">
      <h2 id="red-flags-title" className="section-header__title">
        Red flags
      </h2>
      <p className="section-header__description">
        {update
          ? 'Tick any you saw, with what the candidate said or did. A dealbreaker marks the application for the whole panel.'
          : 'Red flags ticked on this scorecard.'}
      </p>
      {items.length === 0 ? (
        <p className="muted">This opening has no red-flag checklist.</p>
      ) : update ? (
        <ul className="flag-list">
          {items.map((f) => {
            const entry = flags[f.key];
            const checked = entry?.ticked ?? false;
            const checkId = `flag-${f.key}`;
            const error = errors.get(`redFlags.${f.key}.evidence`);
            const errorId = `${flagEvidenceId(f.key)}-error`;
            return (
              <li key={f.key} className={checked ? 'flag flag--ticked' : 'flag'}>
                <div className="check-field">
                  <input
                    type="checkbox"
                    id={checkId}
                    className="checkbox"
                    checked={checked}
                    onChange={(e) => set(f.key, { ticked: e.target.checked })}
                  />
                  <label htmlFor={checkId} className="flag__label">
                    {f.description} <SeverityBadge severity={f.severity} />
                  </label>
                </div>
                {checked ? (
                  <div className={error ? 'field field--invalid flag__evidence' : 'field flag__evidence'}>
                    <label className="field__label" htmlFor={flagEvidenceId(f.key)}>
                      What you saw<span className="visually-hidden">: {f.description}</span>
                      <span className="required-tag">Required</span>
                    </label>
                    <textarea
                      id={flagEvidenceId(f.key)}
                      className="input textarea"
                      rows={2}
                      value={entry?.evidence ?? ''}
                      onChange={(e) => set(f.key, { evidence: e.target.value })}
                      aria-required="true"
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? errorId : undefined}
                    />
                    {error ? (
                      <p id={errorId} className="field__error">
                        {error}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : ticked.length === 0 ? (
        <p className="muted">No red flags ticked.</p>
      ) : (
        <ul className="flag-list">
          {ticked.map((f) => (
            <li key={f.key} className="flag flag--ticked">
              <p className="flag__label">
                {f.description} <SeverityBadge severity={f.severity} />
              </p>
              <p className="flag__evidence-text">{flags[f.key]?.evidence}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
