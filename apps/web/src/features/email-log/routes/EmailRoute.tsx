import { EMAIL_KIND_LABELS, HELD_REASON, type EmailDetail } from '@scorecard/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { NotFoundState, QueryPage, useIdParam } from '@/components/ui/PageStates';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useEmail } from '../api/email-queries';
import { EmailStatusBadge } from '../components/EmailStatusBadge';
import { dateTimeFormat } from '../components/EmailsTable';
import { EmailLogNoAccess } from './EmailLogRoute';
import '../email-log.css';

const BACK = { to: '/settings/email-log', label: 'Back to the Email log' };

/** One email as it was sent: its headers, status, plain-text part and calendar attachment. */
export default function EmailRoute() {
  useDocumentTitle('Email');
  const { user } = useSession();
  const id = useIdParam();
  const email = useEmail(user.role === 'admin' ? id : null);
  return (
    <QueryPage
      query={email}
      copy={{ title: 'Email', loading: 'Loading the email…', failed: 'Couldn’t load this email' }}
      noAccess={{ allowed: user.role === 'admin', page: <EmailLogNoAccess /> }}
      notFound={{
        found: id !== null,
        page: <NotFoundState title="Email" heading="Email not found" back={BACK} />,
      }}
    >
      {(e) => <EmailView email={e} />}
    </QueryPage>
  );
}

function EmailView({ email: e }: { email: EmailDetail }) {
  useDocumentTitle(e.subject);
  return (
    <>
      <p className="email-log__back">
        <Link to={BACK.to}>← {BACK.label}</Link>
      </p>
      <PageHeader title={e.subject} description={EMAIL_KIND_LABELS[e.kind]} />
      <section className="panel email-view" aria-label="Delivery">
        <dl className="email-view__facts">
          <Fact label="To">{e.to}</Fact>
          <Fact label="Status">
            <EmailStatusBadge status={e.status} />{' '}
            {e.status === 'sent' && e.sentAt
              ? `on ${dateTimeFormat.format(new Date(e.sentAt))}`
              : e.status === 'held'
                ? 'Not sent: no mail server is configured (SMTP_URL). The message is kept here.'
                : null}
          </Fact>
          {e.lastError && e.lastError !== HELD_REASON ? (
            <Fact label={e.status === 'failed' ? 'Why it failed' : 'Last error'} className="email-log__error">
              {e.lastError}
            </Fact>
          ) : null}
          <Fact label="Attempts">{e.attempts}</Fact>
          <Fact label="Created">
            <time dateTime={e.createdAt}>{dateTimeFormat.format(new Date(e.createdAt))}</time>
          </Fact>
          {Object.entries(e.headers).map(([name, value]) => (
            <Fact key={name} label={name} className="email-view__mono">
              {value}
            </Fact>
          ))}
        </dl>
      </section>
      <section className="panel email-view" aria-labelledby="email-text">
        <h2 id="email-text" className="email-view__title">
          Message (plain-text part)
        </h2>
        <pre className="email-view__body">{e.text}</pre>
      </section>
      {e.ical ? (
        <section className="panel email-view" aria-labelledby="email-ical">
          <h2 id="email-ical" className="email-view__title">
            Calendar attachment (invite.ics)
          </h2>
          <pre className="email-view__body email-view__mono">{e.ical}</pre>
        </section>
      ) : null}
    </>
  );
}

/** One term and its value; grouped in a div (display: contents) so the list stays a two-column grid. */
function Fact({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className="email-view__fact">
      <dt>{label}</dt>
      <dd className={className}>{children}</dd>
    </div>
  );
}
