import { PageHeader } from '@/components/ui/PageHeader';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useTwoFactorStatus } from '../api/two-factor-queries';
import { PolicySection } from '../components/PolicySection';
import { TwoFactorSettings } from '../components/TwoFactorSettings';
import '../two-factor.css';

/** Settings → Two-factor sign-in: enrol an authenticator app (QR code), recovery codes, turn it off; admins require it for the organization. */
export default function TwoFactorRoute() {
  useDocumentTitle('Two-factor sign-in');
  const { user } = useSession();
  const status = useTwoFactorStatus();
  return (
    <div className="two-factor">
      <PageHeader
        title="Two-factor sign-in"
        description="Besides your password, sign-in asks for a code from an authenticator app on your phone, so a stolen password alone is not enough."
      />
      {status.isPending ? (
        <LoadingState label="Loading your two-factor sign-in…" />
      ) : status.isError ? (
        <ErrorState
          title="Your two-factor sign-in could not be loaded"
          error={status.error}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      ) : (
        <TwoFactorSettings status={status.data} />
      )}
      {user.role === 'admin' ? <PolicySection /> : null}
    </div>
  );
}
