import { EmailKind, EmailStatus } from '@scorecard/contracts';
import { PageHeader } from '@/components/ui/PageHeader';
import { NoAccessState } from '@/components/ui/PageStates';
import { EmptyState } from '@/components/ui/States';
import { ListBody } from '@/components/ui/ListStates';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { schemaField, textField, useListParams, type ListFields } from '@/lib/use-list-params';
import { type EmailFilterValues, useEmails } from '../api/email-queries';
import { EmailFilters } from '../components/EmailFilters';
import { EmailsTable } from '../components/EmailsTable';
import '../email-log.css';

const PAGE_SIZE = 25;

const FIELDS: ListFields<EmailFilterValues> = {
  q: textField,
  status: schemaField(EmailStatus),
  kind: schemaField(EmailKind),
};

export function EmailLogNoAccess() {
  return (
    <NoAccessState title="Email log">
      Only admins can read the emails Scorecard sends. Your own email settings are under Your notifications.
    </NoAccessState>
  );
}

export default function EmailLogRoute() {
  useDocumentTitle('Email log');
  const { user } = useSession();
  if (user.role !== 'admin') return <EmailLogNoAccess />;
  return <EmailLog />;
}

function EmailLog() {
  const { organization } = useSession();
  const list = useListParams(FIELDS, PAGE_SIZE);
  const emails = useEmails(list.params);
  return (
    <>
      <PageHeader
        title="Email log"
        description={`Every email Scorecard sent, held or could not send for ${organization.name}, newest first. “Held” means no mail server is configured: the message is kept here instead.`}
      />
      <section className="panel" aria-label="Emails">
        <EmailFilters list={list} />
        <ListBody
          query={emails}
          list={list}
          noun="emails"
          noAccess={<EmailLogNoAccess />}
          noMatchTitle="No emails match these filters"
          noMatchHint="Try another recipient or subject, or another status."
          empty={
            <EmptyState title="No emails yet">
              <p>Invitations, password resets, reminders, calendar invitations and digests will show here.</p>
            </EmptyState>
          }
          rows={(items) => (
            <EmailsTable emails={items} caption={`Emails of ${organization.name}`} busy={emails.isFetching} />
          )}
        />
      </section>
    </>
  );
}
