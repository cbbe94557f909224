import type { ReactNode } from 'react';

/** Stays at the bottom of the screen while the scorecard is on it: where it stands, and its main action. */
export function ScorecardBar({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div className="scorecard-bar" role="region" aria-label={label}>
      <div className="scorecard-bar__inner">{children}</div>
    </div>
  );
}
