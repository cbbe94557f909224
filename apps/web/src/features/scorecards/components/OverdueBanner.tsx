import { useState } from 'react';

const DISMISSED_KEY = 'scorecard:overdue-reminder-dismissed';

function wasDismissed(): boolean {
  try {
    return window.sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The in-app reminder of overdue scorecards, at the top of My interviews. Dismissing it hides it for
 * the rest of this browser session (the count stays beside "My interviews" in the navigation).
 */
export function OverdueBanner({ overdue, onShow }: { overdue: number; onShow: (() => void) | null }) {
  const [dismissed, setDismissed] = useState(wasDismissed);
  if (overdue === 0 || dismissed) return null;
  const dismiss = () => {
    try {
      window.sessionStorage.setItem(DISMISSED_KEY, '1');
    } catch {
      // Not kept across pages then; it still hides here.
    }
    setDismissed(true);
  };
  return (
    <section className="overdue-banner" aria-labelledby="overdue-banner-title">
      <div className="overdue-banner__text">
        <h2 id="overdue-banner-title" className="overdue-banner__title">
          {overdue === 1 ? '1 scorecard is overdue' : `${overdue} scorecards are overdue`}
        </h2>
        <p>Write your feedback while the interview is fresh: the panel’s debrief waits for every scorecard.</p>
      </div>
      <div className="overdue-banner__actions">
        {onShow ? (
          <button type="button" className="button button--secondary button--small" onClick={onShow}>
            Show them
          </button>
        ) : null}
        <button type="button" className="button button--ghost button--small" onClick={dismiss}>
          Dismiss<span className="visually-hidden"> the overdue reminder</span>
        </button>
      </div>
    </section>
  );
}
