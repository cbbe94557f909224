import { CalendarFeedSection } from '@/features/calendar';
import { PageHeader } from '@/components/ui/PageHeader';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePreferences } from '../api/preferences-queries';
import { PreferencesForm } from '../components/PreferencesForm';
import '../preferences.css';

/** Settings → Your notifications: your time zone, which optional emails you get, your calendar feed. */
export default function NotificationsRoute() {
  useDocumentTitle('Your notifications');
  const { user } = useSession();
  const preferences = usePreferences();
  return (
    <div className="preferences">
      <PageHeader
        title="Your notifications"
        description="Choose your time zone and which emails Scorecard sends you. These settings are yours alone."
      />
      {preferences.isPending ? (
        <LoadingState label="Loading your notification settings…" />
      ) : preferences.isError ? (
        <ErrorState
          title="Your notification settings could not be loaded"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
          retrying={preferences.isFetching}
        />
      ) : (
        <PreferencesForm saved={preferences.data} role={user.role} />
      )}
      <CalendarFeedSection />
    </div>
  );
}
