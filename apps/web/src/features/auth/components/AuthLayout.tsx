import type { ReactNode } from 'react';
import { CenteredPage } from '@/components/ui/CenteredPage';

type AuthLayoutProps = { title: string; lead?: ReactNode; children: ReactNode; footer?: ReactNode };

/** The centred card that sign-in and sign-up share. */
export function AuthLayout({ title, lead, children, footer }: AuthLayoutProps) {
  return (
    <CenteredPage footer={footer}>
      <h1 className="auth__title" tabIndex={-1} data-page-heading="">
        {title}
      </h1>
      {lead ? <p className="auth__lead">{lead}</p> : null}
      {children}
    </CenteredPage>
  );
}
