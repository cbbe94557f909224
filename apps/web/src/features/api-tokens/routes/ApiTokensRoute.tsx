import { PageHeader } from '@/components/ui/PageHeader';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { ApiTokensPanel } from '../components/ApiTokensPanel';
import '../api-tokens.css';

/** Settings → API tokens (admins): tokens for machines, with scopes; created (shown once), listed, revoked. */
export default function ApiTokensRoute() {
  useDocumentTitle('API tokens');
  const { user } = useSession();
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Let your ATS, chat tool or data warehouse call the Scorecard API for your organization."
      />
      {user.role !== 'admin' ? (
        <div className="panel panel--padded">
          <p>Only admins manage API tokens.</p>
        </div>
      ) : (
        <ApiTokensPanel />
      )}
    </>
  );
}
