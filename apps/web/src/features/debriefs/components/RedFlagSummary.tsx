import type { Debrief } from '@scorecard/contracts';

/** Red flags ticked on submitted scorecards, dealbreakers first, with who saw each and their evidence. */
export function RedFlagSummary({ debrief }: { debrief: Debrief }) {
  const flags = [...debrief.redFlags].sort(
    (a, b) => Number(b.severity === 'dealbreaker') - Number(a.severity === 'dealbreaker'),
  );
  return (
    <section className="panel panel--padded debrief-section" aria-labelledby="flags-title">
      <h2 id="flags-title" className="section-header__title">
        Red flags
      </h2>
      {flags.length === 0 ? (
        <p className="section-header__description">No interviewer ticked a red flag.</p>
      ) : (
        <ul className="debrief-flags">
          {flags.map((flag) => (
            <li
              key={flag.flagKey}
              className={flag.severity === 'dealbreaker' ? 'debrief-flag debrief-flag--dealbreaker' : 'debrief-flag'}
            >
              <div className="debrief-flag__head">
                <span className={`severity severity--${flag.severity}`}>
                  {flag.severity === 'dealbreaker' ? 'Dealbreaker' : 'Concern'}
                </span>
                <p className="debrief-flag__description">{flag.description}</p>
              </div>
              <ul className="debrief-flag__seen" aria-label={`Who saw “${flag.description}”`}>
                {flag.seenBy.map((s) => (
                  <li key={s.scorecardId}>
                    <span className="debrief-flag__who">{s.interviewer.name}</span>
                    <span className="debrief-flag__evidence">
                      {s.evidence.trim() ? `“${s.evidence.trim()}”` : 'No evidence written.'}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
