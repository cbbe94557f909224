import { useEffect, useEffectEvent, useState } from 'react';
import { Link, Navigate, NavLink, useLocation, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  analyticsViews,
  canSeeAdverseImpact,
  canSeeCalibration,
  canSeePipeline,
  defaultView,
  isAnalyticsView,
  type AnalyticsView,
} from '../analytics-access';
import {
  checkFilters,
  defaultRange,
  isDefaultRange,
  rangeText,
  readFilters,
  writeFilters,
  type AnalyticsFilters,
} from '../analytics-filters';
import { AnalyticsFilterBar } from '../components/AnalyticsFilterBar';
import { CalibrationView } from '../components/CalibrationView';
import { NoAnalyticsAccess, NoReportAccess } from '../components/NoAnalyticsAccess';
import { PipelineView } from '../components/PipelineView';
import { AdverseImpactNoAccess, AdverseImpactView } from '../components/AdverseImpactView';
import { useOpeningOptions } from '../api/analytics-queries';
import '../analytics.css';

const VIEW_TITLES: Record<AnalyticsView, string> = {
  pipeline: 'Pipeline analytics',
  calibration: 'Interviewer calibration',
  'adverse-impact': 'Adverse impact',
};
const TAB_LABELS: Record<AnalyticsView, string> = {
  pipeline: 'Pipeline',
  calibration: 'Interviewer calibration',
  'adverse-impact': 'Adverse impact',
};
const DESCRIPTIONS: Record<AnalyticsView, string> = {
  pipeline: 'How applications move through the stages, how long they wait, and which sources lead to hires.',
  calibration:
    'How each interviewer scores against the rest of their panels, how complete and timely their feedback is, and how far panels agree.',
  'adverse-impact':
    'Whether candidates of each self-identified group move on at similar rates at each step, and are rated alike (the four-fifths rule).',
};
/** Typing a date settles before it reaches the URL (a date input reports every keystroke of the year). */
const SETTLE_MS = 400;

const same = (a: AnalyticsFilters, b: AnalyticsFilters) =>
  a.openingId === b.openingId && a.from === b.from && a.to === b.to;

/** /analytics/pipeline and /analytics/calibration; /analytics picks the caller's usual view. */
export default function AnalyticsRoute() {
  const { view } = useParams();
  const { user } = useSession();
  const { search } = useLocation();

  if (!canSeePipeline(user.role)) {
    return <NoAnalyticsAccess />;
  }
  if (view === undefined) return <Navigate to={{ pathname: `/analytics/${defaultView(user.role)}`, search }} replace />;
  if (!isAnalyticsView(view)) {
    return (
      <>
        <PageHeader title="Analytics" />
        <EmptyState title="This report doesn’t exist">
          <p>
            Choose <Link to="/analytics/pipeline">pipeline analytics</Link>
            {canSeeCalibration(user.role) ? (
              <>
                {' '}
                or <Link to="/analytics/calibration">interviewer calibration</Link>
              </>
            ) : null}
            .
          </p>
        </EmptyState>
      </>
    );
  }
  return <AnalyticsPage view={view} />;
}

/** The filters live in the URL (`?openingId=…&from=…&to=…`), so a report can be shared and survives a reload. */
function useAnalyticsFilters() {
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => Date.now());
  const url = readFilters(params, now);
  const [draft, setDraft] = useState(url);
  const settled = useDebouncedValue(draft, SETTLE_MS);

  const commit = (next: AnalyticsFilters, replace: boolean) =>
    setParams(writeFilters(params, next, now), { replace, preventScrollReset: true });

  // Settled, valid dates go to the URL, replacing the entry: typing a date is not navigation. (An
  // effect event: it reads the URL as it is now, but only the inputs settling make it run.)
  const settle = useEffectEvent((next: AnalyticsFilters) => {
    if (checkFilters(next).errors === null && !same(next, url)) commit(next, true);
  });
  useEffect(() => settle(settled), [settled]);
  // Back/forward or a link changed the URL, not the inputs: show the URL's filters.
  const follow = useEffectEvent(() => {
    if (checkFilters(settled).errors !== null || !same(settled, url)) setDraft(url);
  });
  useEffect(() => follow(), [url.openingId, url.from, url.to]);

  /** A choice (an opening, a preset range) applies at once, as a new history entry. */
  const apply = (changes: Partial<AnalyticsFilters>) => {
    const next = { ...draft, ...changes };
    setDraft(next);
    // Dates still being fixed stay out of the URL; the choice itself still applies.
    const target = checkFilters(next).errors === null ? next : { ...url, ...changes };
    if (checkFilters(target).errors === null) commit(target, false);
  };

  return {
    url,
    draft,
    setDraft: (changes: Partial<AnalyticsFilters>) => setDraft((d) => ({ ...d, ...changes })),
    apply,
    now,
  };
}

/**
 * Whether calibration counts scorecards imported from another system (`?imported=true`); off by
 * default. The box follows a click at once (the URL catches up a render later, and a controlled
 * checkbox would otherwise spring back until it has), and follows the URL on Back and Forward.
 */
function useIncludeImported(): [boolean, (on: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const inUrl = params.get('imported') === 'true';
  const [on, setOn] = useState(inUrl);
  useEffect(() => setOn(inUrl), [inUrl]);
  const set = (next: boolean) => {
    setOn(next);
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next) copy.set('imported', 'true');
        else copy.delete('imported');
        return copy;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  return [on, set];
}

function AnalyticsPage({ view }: { view: AnalyticsView }) {
  const { user } = useSession();
  const { search } = useLocation();
  const [includeImported, setIncludeImported] = useIncludeImported();
  useDocumentTitle(VIEW_TITLES[view]);
  const filters = useAnalyticsFilters();
  const views = analyticsViews(user.role);
  const draftCheck = checkFilters(filters.draft);
  // The reports follow the URL; a URL whose filters fail the check asks nothing of the API.
  const { query } = checkFilters(filters.url);
  const { url } = filters;
  const reportProps = {
    query,
    range: rangeText(url),
    hasDates: Boolean(url.from || url.to),
    hasOpening: Boolean(url.openingId),
    onClearDates: () => filters.apply({ from: '', to: '' }),
    onAllOpenings: () => filters.apply({ openingId: '' }),
  };
  const allowed =
    view === 'pipeline' ||
    (view === 'calibration' && canSeeCalibration(user.role)) ||
    (view === 'adverse-impact' && canSeeAdverseImpact(user.role));
  const openings = useOpeningOptions();
  const opening = openings.data?.items.find((o) => o.id === url.openingId);

  return (
    <div className="analytics">
      <PageHeader title={VIEW_TITLES[view]} description={DESCRIPTIONS[view]} />
      {views.length > 1 ? (
        <nav className="analytics-tabs" aria-label="Analytics reports">
          {views.map((v) => (
            <NavLink key={v} to={{ pathname: `/analytics/${v}`, search }} className="analytics-tabs__tab">
              {TAB_LABELS[v]}
            </NavLink>
          ))}
        </nav>
      ) : null}
      {allowed ? (
        <>
          <div className="panel analytics-filters-panel">
            <AnalyticsFilterBar
              filters={filters.draft}
              errors={draftCheck.errors}
              isDefaultRange={isDefaultRange(filters.draft, filters.now)}
              onOpeningChange={(openingId) => filters.apply({ openingId })}
              onDateChange={(changes) => filters.setDraft(changes)}
              onDefaultRange={() => filters.apply(defaultRange(filters.now))}
              onClearDates={() => filters.apply({ from: '', to: '' })}
            />
            {view === 'calibration' ? (
              <div className="check-field analytics-filters__imported">
                <input
                  id="analytics-include-imported"
                  type="checkbox"
                  className="checkbox"
                  checked={includeImported}
                  onChange={(e) => setIncludeImported(e.target.checked)}
                  aria-describedby="analytics-include-imported-hint"
                />
                <div>
                  <label htmlFor="analytics-include-imported">Count scorecards imported from another system</label>
                  <p id="analytics-include-imported-hint" className="field__hint">
                    Left out by default: they were written to another system’s questions, wording and deadlines, so they
                    would skew offsets, agreement and lateness. Counting them compares an interviewer’s history with
                    their panels.
                  </p>
                </div>
              </div>
            ) : null}
            <p className="analytics-filters__scope" aria-live="polite">
              {view === 'calibration' ? 'Scorecards of interviews held ' : 'Applications created '}
              {rangeText(url)} (UTC days)
              {url.openingId ? `, for ${opening ? opening.title : 'the selected opening'}` : ', across all openings'}
              {view === 'calibration'
                ? includeImported
                  ? ', imported ones included'
                  : ', imported ones left out'
                : ''}
              .
            </p>
          </div>
          {view === 'pipeline' ? (
            <PipelineView {...reportProps} />
          ) : view === 'calibration' ? (
            <CalibrationView {...reportProps} includeImported={includeImported} />
          ) : (
            <AdverseImpactView {...reportProps} />
          )}
        </>
      ) : view === 'adverse-impact' ? (
        <AdverseImpactNoAccess />
      ) : (
        <NoReportAccess calibration pipelineHref={`/analytics/pipeline${search}`} />
      )}
    </div>
  );
}
