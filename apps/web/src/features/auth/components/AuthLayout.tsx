import type { ReactNode } from 'react';
import { Logo } from '../../../components/ui/Logo';

type AuthLayoutProps = { title: string; lead?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The centred card that sign-in and sign-up share. */
export function AuthLayout({ title, lead, children, footer }: AuthLayoutProps) {
  return (
    <div className="auth">
      <main className="auth__main" id="main">
        <div className="auth__brand">
          <Logo />
        </div>
        <div className="auth__card">
          <h1 className="auth__title" tabIndex={-1} data-page-heading="">
            {title}
          </h1>
          {lead ? <p className="auth__lead">{lead}</p> : null}
          {children}
        </div>
        {footer ? <div className="auth__footer">{footer}</div> : null}
      </main>
    </div>
  );
}
