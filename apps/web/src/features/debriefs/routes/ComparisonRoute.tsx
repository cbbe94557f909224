import { type Comparison, type RatingsView } from '@scorecard/contracts';
import { DEFAULT_SEPARATION_Z } from '@scorecard/domain';
import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { OpeningNotFound } from '@/components/ui/OpeningNotFound';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryPage, useIdParam } from '@/components/ui/PageStates';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { MAX_COMPARED, MIN_COMPARED, useComparison, useOpeningApplications } from '../api/debrief-queries';
import { ApplicationPicker } from '../components/ApplicationPicker';
import { ComparisonChart } from '../components/ComparisonChart';
import { ComparisonTable } from '../components/ComparisonTable';
import {
  DEFAULT_SORT,
  Z_CHOICES,
  comparisonCsv,
  csvFileName,
  formatZ,
  nextSort,
  parseIds,
  parseRatingsView,
  parseZ,
  separationRule,
  sortRows,
  type Sort,
} from '../comparison';
import { formatStandardError } from '../debrief-copy';
import { viewLine } from '../ratings-view';
import { isHiringTeam } from '../debrief-access';
import '../debriefs.css';

export default function ComparisonRoute() {
  const id = useIdParam();
  const { user } = useSession();
  const allowed = isHiringTeam(user.role);
  const board = useOpeningApplications(allowed ? id : null);
  useDocumentTitle(board.data ? `Compare · ${board.data.opening.title}` : 'Compare candidates');
  const noAccess = (
    <>
      <PageHeader title="Compare candidates" />
      <EmptyState title="You don’t have access to comparisons">
        <p>Hiring managers, recruiters and admins compare candidates. Your interviews are under My interviews.</p>
      </EmptyState>
    </>
  );
  return (
    <QueryPage
      query={board}
      copy={{ title: 'Compare candidates', loading: 'Loading the opening’s candidates…', failed: FAILED }}
      noAccess={{ allowed, page: noAccess }}
      notFound={{ found: id !== null, page: <OpeningNotFound /> }}
    >
      {(data) => <ComparisonPage openingId={id ?? ''} board={data} />}
    </QueryPage>
  );
}

const FAILED = 'Couldn’t load the opening’s candidates';

function ComparisonPage({
  openingId,
  board,
}: {
  openingId: string;
  board: NonNullable<ReturnType<typeof useOpeningApplications>['data']>;
}) {
  const [params, setParams] = useSearchParams();
  // The pick, z and the ratings view are this page's state, mirrored into the URL so the comparison
  // can be shared. The URL updates after the click (the router navigates asynchronously), so the
  // controls follow the state, never the URL: a ticked box shows ticked at once.
  const [ids, setLocalIds] = useState(() => parseIds(params.get('ids')).slice(0, MAX_COMPARED));
  const [z, setLocalZ] = useState(() => parseZ(params.get('z')));
  const [ratings, setLocalRatings] = useState<RatingsView>(() => parseRatingsView(params.get('ratings')));
  const comparison = useComparison(openingId, ids, { z, ratings });
  const mirror = (name: string, value: string | null) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (value !== null) copy.set(name, value);
        else copy.delete(name);
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  const setIds = (next: string[]) => {
    setLocalIds(next);
    mirror('ids', next.length > 0 ? next.join(',') : null);
  };
  const setZ = (next: number) => {
    setLocalZ(next);
    mirror('z', next === DEFAULT_SEPARATION_Z ? null : String(next));
  };
  const setRatings = (next: RatingsView) => {
    setLocalRatings(next);
    mirror('ratings', next === 'independent' ? null : next);
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
    result = (
      <ComparisonResult
        comparison={comparison.data}
        busy={comparison.isPlaceholderData}
        z={z}
        onZ={setZ}
        ratings={ratings}
        onRatings={setRatings}
      />
    );
  }

  return (
    <div className="compare-page">
      <p className="breadcrumb">
        <Link to="/openings">Openings</Link> / <Link to={`/openings/${board.opening.id}`}>{board.opening.title}</Link> /{' '}
        <Link to={`/openings/${board.opening.id}/pipeline`}>Pipeline</Link>
      </p>
      <PageHeader
        title={`Compare candidates: ${board.opening.title}`}
        description="The same rubric, side by side. Every score shows how many scorecards back it, their spread and its standard error."
      />
      <ApplicationPicker board={board} selected={ids} onChange={setIds} />
      <div className="compare-result">{result}</div>
    </div>
  );
}

function ComparisonResult({
  comparison,
  busy,
  z,
  onZ,
  ratings,
  onRatings,
}: {
  comparison: Comparison;
  busy: boolean;
  z: number;
  onZ: (z: number) => void;
  ratings: RatingsView;
  onRatings: (view: RatingsView) => void;
}) {
  const [sort, setSort] = useState<Sort>(DEFAULT_SORT);
  const zId = useId();
  const ratingsId = useId();
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
  const apart = comparison.rows.filter((r) => r.apart !== null);
  const partial = comparison.rows.some((r) => r.coverage.partial && r.overall.score !== null);
  const unknown = comparison.rows.some((r) => r.overall.score !== null && r.standardError.value === null);
  const zChoices = (Z_CHOICES as readonly number[]).includes(z) ? Z_CHOICES : [...Z_CHOICES, z].sort((a, b) => a - b);
  return (
    <>
      <section className="panel compare-section" aria-labelledby="compare-table-title">
        <div className="section-header compare-section__header">
          <div>
            <h2 id="compare-table-title" className="section-header__title">
              Side by side
            </h2>
            <p className="section-header__description">
              In tiers: a tier holds its top candidate and everyone the evidence can’t separate from them. Select a
              column header to sort by it.
            </p>
          </div>
          <button type="button" className="button button--secondary button--small" onClick={download}>
            Download CSV
          </button>
        </div>
        <div className="compare-controls">
          <div className="compare-controls__field">
            <label htmlFor={zId} className="field__label">
              Separate at
            </label>
            <select id={zId} className="select" value={String(z)} onChange={(e) => onZ(Number(e.target.value))}>
              {zChoices.map((v) => (
                <option key={v} value={String(v)}>
                  z = {formatZ(v)}
                  {v === DEFAULT_SEPARATION_Z ? ' (default)' : ''}
                </option>
              ))}
            </select>
          </div>
          <div className="compare-controls__field">
            <label htmlFor={ratingsId} className="field__label">
              Ratings
            </label>
            <select
              id={ratingsId}
              className="select"
              value={ratings}
              onChange={(e) => onRatings(e.target.value as RatingsView)}
            >
              <option value="independent">Independent (first submitted)</option>
              <option value="with_amendments">With amendments</option>
            </select>
          </div>
          <p className="compare-view-line">
            {viewLine(comparison.ratingsView)} Separation at z = {formatZ(comparison.z)}.
          </p>
        </div>
        <ComparisonTable
          comparison={comparison}
          rows={rows}
          sort={sort}
          onSort={(key) => setSort((s) => nextSort(s, key))}
          busy={busy}
        />
        <div className="compare-note">
          <p>
            <strong>How tiers are drawn.</strong> {separationRule(comparison.z)} A standard error (±) is the standard
            deviation of the scorecards’ own overall scores divided by √(number of scorecards). A candidate with one
            scorecard takes the pooled rater error
            {comparison.pooledRaterSd === null
              ? ', but no candidate here has two scorecards to pool from, so theirs is unknown and they are never told apart from anyone.'
              : ` (${formatStandardError(comparison.pooledRaterSd)}: how far one interviewer’s overall typically lies from the panel’s, over the candidates here with two scorecards or more).`}{' '}
            The tier is what the evidence can’t rule out, not a ranking: within a tier, discuss the evidence.
          </p>
          {partial ? (
            <p>
              <strong>Partial:</strong> the scorecards cover only part of the rubric’s weight, so the overall rests on
              fewer competencies. Partial candidates come after every fully covered one.
            </p>
          ) : null}
          {unknown ? (
            <p>
              <strong>Error unknown:</strong> one scorecard and nothing to pool; such a candidate shares the top tier it
              falls in.
            </p>
          ) : null}
          {apart.length > 0 ? (
            <p>
              <strong>Listed apart:</strong>{' '}
              {apart.length === 1 ? 'one candidate has' : `${apart.length} candidates have`} a rejection, a no-hire
              decision or a dealbreaker nobody acknowledged, so they are not tiered with the others.
            </p>
          ) : null}
        </div>
      </section>
      <ComparisonChart comparison={comparison} rows={rows} />
    </>
  );
}
