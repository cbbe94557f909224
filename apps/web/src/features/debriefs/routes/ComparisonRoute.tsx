import { Uuid, type Comparison } from '@scorecard/contracts';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { OpeningNotFound } from '../../../components/ui/OpeningNotFound';
import { PageHeader } from '../../../components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/States';
import { isApiError } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { MAX_COMPARED, MIN_COMPARED, useComparison, useOpeningApplications } from '../api/debrief-queries';
import { ApplicationPicker } from '../components/ApplicationPicker';
import { ComparisonChart } from '../components/ComparisonChart';
import { ComparisonTable } from '../components/ComparisonTable';
import { DEFAULT_SORT, comparisonCsv, csvFileName, nextSort, parseIds, sortRows, type Sort } from '../comparison';
import { isHiringTeam } from '../debrief-access';
import '../debriefs.css';

export default function ComparisonRoute() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const allowed = isHiringTeam(user.role);
  const validId = Uuid.safeParse(id).success;
  const board = useOpeningApplications(validId && allowed ? id : null);
  useDocumentTitle(board.data ? `Compare · ${board.data.opening.title}` : 'Compare candidates');

  if (!allowed || isApiError(board.error, 'forbidden')) {
    return (
      <>
        <PageHeader title="Compare candidates" />
        <EmptyState title="You don’t have access to comparisons">
          <p>Hiring managers, recruiters and admins compare candidates. Your interviews are under My interviews.</p>
        </EmptyState>
      </>
    );
  }
  if (!validId || isApiError(board.error, 'not_found')) return <OpeningNotFound />;
  if (board.isPending) return <LoadingState label="Loading the opening’s candidates…" />;
  if (board.isError) {
    return (
      <>
        <PageHeader title="Compare candidates" />
        <ErrorState
          title="Couldn’t load the opening’s candidates"
          error={board.error}
          onRetry={() => void board.refetch()}
          retrying={board.isFetching}
        />
      </>
    );
  }
  return <ComparisonPage openingId={id} board={board.data} />;
}

function ComparisonPage({
  openingId,
  board,
}: {
  openingId: string;
  board: NonNullable<ReturnType<typeof useOpeningApplications>['data']>;
}) {
  const [params, setParams] = useSearchParams();
  // The pick is this page's state, mirrored into the URL so the comparison can be shared. The URL
  // updates after the click (the router navigates asynchronously), so the checkboxes follow the
  // state, never the URL: a ticked box shows ticked at once.
  const [ids, setLocalIds] = useState(() => parseIds(params.get('ids')).slice(0, MAX_COMPARED));
  const comparison = useComparison(openingId, ids);
  const setIds = (next: string[]) => {
    setLocalIds(next);
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next.length > 0) copy.set('ids', next.join(','));
        else copy.delete('ids');
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  const enough = ids.length >= MIN_COMPARED;

  let result;
  if (!enough) {
    result = (
      <EmptyState title="Pick at least two candidates">
        <p>Their scores, recommendations, red flags and fit with the role appear side by side here.</p>
      </EmptyState>
    );
  } else if (comparison.isError) {
    result = isApiError(comparison.error, 'forbidden') ? (
      <div className="state state--locked">
        <h2 className="state__title">You can’t compare these yet</h2>
        <p className="state__text">{comparison.error.detail ?? 'You don’t have access to this comparison.'}</p>
        <p className="state__text">Untick the candidate you still owe feedback for, or submit your scorecard first.</p>
      </div>
    ) : (
      <ErrorState
        title="Couldn’t compare these candidates"
        error={comparison.error}
        onRetry={() => void comparison.refetch()}
        retrying={comparison.isFetching}
      />
    );
  } else if (!comparison.data) {
    result = <LoadingState label="Comparing…" />;
  } else {
    result = <ComparisonResult comparison={comparison.data} busy={comparison.isPlaceholderData} />;
  }

  return (
    <div className="compare-page">
      <p className="breadcrumb">
        <Link to="/openings">Openings</Link> / <Link to={`/openings/${board.opening.id}`}>{board.opening.title}</Link> /{' '}
        <Link to={`/openings/${board.opening.id}/pipeline`}>Pipeline</Link>
      </p>
      <PageHeader
        title={`Compare candidates: ${board.opening.title}`}
        description="The same rubric, side by side. Every score shows how many scorecards back it and their spread."
      />
      <ApplicationPicker board={board} selected={ids} onChange={setIds} />
      <div className="compare-result">{result}</div>
    </div>
  );
}

function ComparisonResult({ comparison, busy }: { comparison: Comparison; busy: boolean }) {
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const rows = useMemo(() => sortRows(comparison.rows, sort), [comparison.rows, sort]);
  const download = () => {
    const blob = new Blob([comparisonCsv(comparison, rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = csvFileName(comparison.opening.title);
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const tied = comparison.rows.some((r) => r.tiedWithAbove);
  return (
    <>
      <section className="panel compare-section" aria-labelledby="compare-table-title">
        <div className="section-header compare-section__header">
          <div>
            <h2 id="compare-table-title" className="section-header__title">
              Side by side
            </h2>
            <p className="section-header__description">
              Ranked by overall score. Select a column header to sort by it.
            </p>
          </div>
          <button type="button" className="button button--secondary button--small" onClick={download}>
            Download CSV
          </button>
        </div>
        <ComparisonTable
          comparison={comparison}
          rows={rows}
          sort={sort}
          onSort={(key) => setSort((s) => nextSort(s, key))}
          busy={busy}
        />
        <p className="compare-note">
          {tied ? (
            <>
              <strong>Too close to call:</strong> the gap to the candidate ranked above is under half their spread (or
              under 0.25), so the scores alone don’t separate them. Discuss the evidence instead.
            </>
          ) : (
            'Candidates whose scores are too close to separate, given their spread, share a rank and are marked.'
          )}
        </p>
      </section>
      <ComparisonChart comparison={comparison} rows={rows} />
    </>
  );
}
