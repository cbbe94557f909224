import { PageHeader } from '@/components/ui/PageHeader';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useSsoConnection } from '../api/sso-queries';
import { SsoConnectionForm } from '../components/SsoConnectionForm';
import '../sso.css';

/** Settings → Single sign-on (admins): the organization's OpenID Connect or SAML connection, allowed domains, default role, require SSO. */
export default function SsoSettingsRoute() {
  useDocumentTitle('Single sign-on');
  const connection = useSsoConnection();
  return (
    <div className="sso-settings">
      <PageHeader
        title="Single sign-on"
        description={
          connection.data
            ? `People sign in through your identity provider. Your organization’s short name is ${connection.data.organizationSlug}.`
            : 'People sign in through your identity provider.'
        }
      />
      {connection.isPending ? (
        <LoadingState label="Loading the single sign-on settings…" />
      ) : connection.isError ? (
        <ErrorState
          title="The single sign-on settings could not be loaded"
          error={connection.error}
          onRetry={() => void connection.refetch()}
          retrying={connection.isFetching}
        />
      ) : (
        <SsoConnectionForm saved={connection.data} />
      )}
    </div>
  );
}
