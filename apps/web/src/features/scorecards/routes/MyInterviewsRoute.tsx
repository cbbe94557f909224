import { MyInterviewsQuery } from '@scorecard/contracts';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { MyInterviewsView } from '../api/scorecard-keys';
import { useMyInterviews } from '../api/my-interviews';
import { MyInterviewsTable } from '../components/MyInterviewsTable';
import { OverdueBanner } from '../components/OverdueBanner';
import { PANEL_ID, ViewTabs, tabId } from '../components/ViewTabs';
import '../scorecards.css';

const EMPTY: Record<MyInterviewsView, { title: string; text: string }> = {
  awaiting: {
    title: 'Nothing awaiting your feedback.',
    text: 'Once an interview of yours has started, its scorecard waits here until you submit it.',
  },
  upcoming: {
    title: 'No upcoming interviews.',
    text: 'Interviews scheduled with you appear here, with their kit to prepare from.',
  },
  submitted: {
    title: 'No submitted scorecards yet.',
    text: 'Scorecards you submit are kept here; open one to read it or amend it.',
  },
};

/** The view and page, from the URL so they survive a reload and the back button. */
function useViewParams() {
  const [sp, setSearchParams] = useSearchParams();
  const parsed = MyInterviewsQuery.shape.view.safeParse(sp.get('view') ?? undefined);
  const view: MyInterviewsView = parsed.success ? parsed.data : 'awaiting';
  const pageParam = Number(sp.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const set = (next: { view?: MyInterviewsView; page?: number }) => {
    const search = new URLSearchParams();
    const v = next.view ?? view;
    const p = next.page ?? 1;
    if (v !== 'awaiting') search.set('view', v);
    if (p > 1) search.set('page', String(p));
    setSearchParams(search);
  };
  return { view, page, set };
}

export default function MyInterviewsRoute() {
  useDocumentTitle('My interviews');
  const { view, page, set } = useViewParams();
  const list = useMyInterviews(view, page);
  const counts = list.data?.counts;
  // While another view loads, the previous view's rows are not shown under the new tab.
  const showing = list.data && !list.isPlaceholderData ? list.data : undefined;

  let body: ReactNode;
  if (list.isPending || (list.isPlaceholderData && list.isFetching)) {
    body = <LoadingState label="Loading your interviews…" />;
  } else if (list.isError) {
    body = (
      <ErrorState
        title="Couldn’t load your interviews"
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  } else if (showing && showing.items.length === 0 && showing.total > 0 && page > 1) {
    body = (
      <EmptyState
        title="This page is empty"
        action={
          <button type="button" className="button button--secondary" onClick={() => set({ page: 1 })}>
            Go to the first page
          </button>
        }
      />
    );
  } else if (showing && showing.items.length === 0) {
    body = (
      <EmptyState title={EMPTY[view].title}>
        <p>{EMPTY[view].text}</p>
      </EmptyState>
    );
  } else if (showing) {
    body = (
      <>
        <MyInterviewsTable view={view} items={showing.items} busy={list.isFetching} now={Date.now()} />
        {showing.total > showing.pageSize ? (
          <Pagination
            label="My interviews pages"
            page={showing.page}
            pageSize={showing.pageSize}
            total={showing.total}
            onPageChange={(p) => set({ page: p })}
          />
        ) : null}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="My interviews"
        description="Prepare from the interview kit, then score what you heard while it is fresh."
      />
      <OverdueBanner
        overdue={counts?.overdue ?? 0}
        onShow={view === 'awaiting' ? null : () => set({ view: 'awaiting' })}
      />
      <div className="panel my-interviews">
        <ViewTabs view={view} counts={counts} onChange={(v) => set({ view: v })} />
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(view)} className="my-interviews__panel">
          {body}
        </div>
      </div>
    </>
  );
}
