import type { ReactNode } from 'react';
import { Logo } from './Logo';

type CenteredPageProps = {
  children: ReactNode;
  /** Below the card, for example a link to the other auth page. */
  footer?: ReactNode;
  /** Centre the card's content (status pages) rather than align it left (forms). */
  center?: boolean;
  role?: 'alert';
};

/** The logo over one centred card: the frame of sign-in, sign-up and the status pages. */
export function CenteredPage({ children, footer, center = false, role }: CenteredPageProps) {
  return (
    <div className="auth">
      <main className="auth__main" id="main">
        <div className="auth__brand">
          <Logo />
        </div>
        <div className={center ? 'auth__card auth__card--center' : 'auth__card'} role={role}>
          {children}
        </div>
        {footer ? <div className="auth__footer">{footer}</div> : null}
      </main>
    </div>
  );
}
