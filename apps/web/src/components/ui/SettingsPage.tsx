import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { PageHeader } from './PageHeader';
import { ErrorState, LoadingState } from './States';

type SettingsPageProps<T> = {
  title: string;
  description: string;
  /** What is loading, in the states' words: "the reminder settings". */
  noun: string;
  settings: UseQueryResult<T>;
  /** The form, for admins. */
  editor: (saved: T) => ReactNode;
  /** What everyone else reads instead, above "Only admins change these settings." */
  summary: (saved: T) => ReactNode;
  /** A class for the readers' panel, beside `panel`. */
  summaryClassName?: string;
};

/**
 * An organization settings page that admins change and everyone else reads: the header, the
 * loading and error states, then the editor for admins or a plain summary for the others.
 */
export function SettingsPage<T>({
  title,
  description,
  noun,
  settings,
  editor,
  summary,
  summaryClassName = 'panel--padded',
}: SettingsPageProps<T>) {
  useDocumentTitle(title);
  const { user } = useSession();
  return (
    <>
      <PageHeader title={title} description={description} />
      {settings.isPending ? (
        <div className="panel">
          <LoadingState label={`Loading ${noun}…`} />
        </div>
      ) : settings.isError ? (
        <div className="panel">
          <ErrorState
            title={`Couldn’t load ${noun}`}
            error={settings.error}
            onRetry={() => void settings.refetch()}
            retrying={settings.isFetching}
          />
        </div>
      ) : user.role === 'admin' ? (
        editor(settings.data)
      ) : (
        <div className={`panel ${summaryClassName}`}>
          {summary(settings.data)}
          <p className="field__hint">Only admins change these settings.</p>
        </div>
      )}
    </>
  );
}
