import type {
  AdverseImpactCompetency,
  AdverseImpactGroup,
  AdverseImpactReport,
  AdverseImpactTransition,
  AnalyticsQuery,
  CompetencyGroupMean,
} from '@scorecard/contracts';
import { formatFixed } from '@scorecard/domain';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
import { EmptyState } from '@/components/ui/States';
import { useAdverseImpact } from '../api/analytics-queries';
import { plural } from '../analytics-copy';
import { formatP, transitionReading } from '../adverse-impact-copy';
import { percent } from '../analytics-copy';
import { AnalyticsSection } from './AnalyticsSection';
import { ReportStates, WidenFilters } from './ReportStates';

type AdverseImpactViewProps = {
  query: AnalyticsQuery | null;
  range: string;
  hasDates: boolean;
  hasOpening: boolean;
  onClearDates: () => void;
  onAllOpenings: () => void;
};

const NUM = { className: 'table__num', headerClassName: 'table__num' };

/** Selection rates by self-identified group at each pipeline step, and mean ratings by group. */
export function AdverseImpactView(props: AdverseImpactViewProps) {
  const report = useAdverseImpact(props.query);
  return (
    <ReportStates
      report={report}
      invalid={props.query === null}
      noun="the adverse-impact figures"
      noAccess={<AdverseImpactNoAccess />}
      onAllOpenings={props.onAllOpenings}
    >
      {(data) => <Report data={data} busy={report.isPlaceholderData && report.isFetching} {...props} />}
    </ReportStates>
  );
}

export function AdverseImpactNoAccess() {
  return (
    <div className="state state--locked" role="status">
      <h2 className="state__title">Adverse impact is for hiring managers and admins</h2>
      <p className="state__text">
        It reads candidates’ voluntary self-identification, in aggregate, so only hiring managers and admins see it.
      </p>
    </div>
  );
}

function Caveats({ data }: { data: AdverseImpactReport }) {
  return (
    <Alert tone="info" title="How to read this report">
      <ul className="adverse-impact__notes">
        <li>
          A flag means a group is selected at under four fifths (0.8) of the rate of the group selected most often. This
          is a rule of thumb from the Uniform Guidelines, 29 CFR 1607.4(D), not a legal finding. Consult counsel before
          drawing conclusions.
        </li>
        <li>
          Small numbers swing widely: groups under {data.minGroupSize} are shown as “too few to report”, and a p-value
          over 0.05 means the difference could well be chance. P-values are per comparison and not corrected for the
          many comparisons on this page.
        </li>
        <li>
          Answers are voluntary. “Prefer not to say” and no answer are counted apart and never compared. Nobody’s
          individual answer is shown anywhere.
        </li>
      </ul>
    </Alert>
  );
}

function Report({
  data,
  busy,
  range,
  hasDates,
  hasOpening,
  onClearDates,
  onAllOpenings,
}: AdverseImpactViewProps & { data: AdverseImpactReport; busy: boolean }) {
  const [dimension, setDimension] = useState(data.dimensions[0]?.key ?? '');
  const current = data.dimensions.find((d) => d.key === dimension) ?? data.dimensions[0];
  if (data.applications === 0) {
    return (
      <div className="panel">
        <EmptyState
          title="No applications in this range"
          action={
            <WidenFilters
              hasDates={hasDates}
              hasOpening={hasOpening}
              onClearDates={onClearDates}
              onAllOpenings={onAllOpenings}
            />
          }
        >
          <p>
            No application was created {range}
            {hasOpening ? ' for this opening' : ''}. Widen the range to compare selection rates.
          </p>
        </EmptyState>
      </div>
    );
  }
  const steps = data.transitions.filter((s) => s.dimension === current?.key && s.groups.some((g) => g.applicants > 0));
  const competencies = data.competencies.filter((c) => c.dimension === current?.key);
  return (
    <div className="analytics-report adverse-impact" aria-busy={busy}>
      <Caveats data={data} />
      <div className="panel panel--padded adverse-impact__summary">
        <p>
          {plural(data.applications, 'application')}; the candidates of {data.answered} of them answered at least one
          question.
          {data.answered === 0 ? (
            <>
              {' '}
              Recruiters send the questions from a candidate’s page; admins choose them in{' '}
              <Link to="/settings/self-id">Settings → Self-identification</Link>.
            </>
          ) : null}
        </p>
        {data.dimensions.length > 1 ? (
          <label className="adverse-impact__dimension">
            <span className="field__label">Compare by</span>
            <select className="select" value={current?.key} onChange={(e) => setDimension(e.target.value)}>
              {data.dimensions.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {steps.length === 0 ? (
        <div className="panel">
          <EmptyState title="No step to compare yet">
            <p>No application in this range has an outcome at any step yet.</p>
          </EmptyState>
        </div>
      ) : (
        steps.map((s) => (
          <AnalyticsSection
            key={`${s.dimension}-${s.from}`}
            title={`${s.from} → ${s.to}`}
            description={transitionReading(s, current?.label ?? '')}
          >
            <StepTable step={s} dimensionLabel={current?.label ?? ''} />
          </AnalyticsSection>
        ))
      )}
      {competencies.length > 0 ? (
        <AnalyticsSection
          title="Mean ratings by group"
          description={`Each application counts once: the mean of its ratings of the competency in submitted scorecards (imported ones left out). Groups under ${data.minGroupSize} applications are too few to report; the gap is to the group with the highest mean.`}
        >
          <MeansTable competencies={competencies} />
        </AnalyticsSection>
      ) : null}
    </div>
  );
}

function RateCell({ g }: { g: AdverseImpactGroup }) {
  if (g.rate === null)
    return <span className="adverse-impact__too-few">{g.applicants === 0 ? '–' : 'Too few to report'}</span>;
  return <>{percent(g.rate)}</>;
}

function StepTable({ step, dimensionLabel }: { step: AdverseImpactTransition; dimensionLabel: string }) {
  const columns = useMemo<DataColumn<AdverseImpactGroup>[]>(
    () => [
      { id: 'group', header: dimensionLabel, meta: { rowHeader: true }, cell: ({ row }) => row.original.label },
      { id: 'applicants', header: 'Outcome known', meta: NUM, cell: ({ row }) => row.original.applicants },
      { id: 'selected', header: `Moved on to ${step.to}`, meta: NUM, cell: ({ row }) => row.original.selected },
      { id: 'rate', header: 'Selection rate', meta: NUM, cell: ({ row }) => <RateCell g={row.original} /> },
      {
        id: 'ratio',
        header: 'Impact ratio',
        meta: NUM,
        cell: ({ row: { original: g } }) =>
          g.kind !== 'category' ? (
            <span className="table__meta">Not compared</span>
          ) : g.impactRatio === null ? (
            '–'
          ) : g.reference ? (
            <>
              1.00 <span className="table__meta">highest rate</span>
            </>
          ) : (
            <>
              {formatFixed(g.impactRatio, 2)} {g.flagged ? <Badge tone="accent">Under 0.8</Badge> : null}
            </>
          ),
      },
      {
        id: 'p',
        header: 'Fisher’s exact',
        meta: NUM,
        cell: ({ row: { original: g } }) => (g.pValue === null ? '–' : formatP(g.pValue)),
      },
      {
        id: 'left-out',
        header: 'Left out',
        cell: ({ row: { original: g } }) =>
          g.pending + g.withdrew === 0 ? null : (
            <span className="table__meta">
              {[
                g.pending > 0 ? `${g.pending} still at ${step.from}` : '',
                g.withdrew > 0 ? `${g.withdrew} withdrew` : '',
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
          ),
      },
    ],
    [step, dimensionLabel],
  );
  return (
    <DataTable
      scrollLabel={`${step.from} to ${step.to} by ${dimensionLabel}`}
      columns={columns}
      data={step.groups}
      rowId={(g) => g.key || 'no-answer'}
      className="analytics-table adverse-impact__table"
      tableName="adverse-impact"
      caption={`Selection from ${step.from} to ${step.to} by ${dimensionLabel}`}
      rowProps={(g) => ({ 'data-group': g.key || 'no-answer', 'data-flagged': g.flagged ? 'true' : undefined })}
    />
  );
}

type MeanRow = { key: string; competency: string; group: CompetencyGroupMean; first: boolean };

function MeansTable({ competencies }: { competencies: AdverseImpactCompetency[] }) {
  const rows = competencies.flatMap((c) =>
    c.groups.map((g, i) => ({ key: c.competencyKey, competency: c.competency, group: g, first: i === 0 })),
  );
  const columns = useMemo<DataColumn<MeanRow>[]>(
    () => [
      {
        id: 'competency',
        header: 'Competency',
        cell: ({ row }) => (row.original.first ? row.original.competency : ''),
      },
      { id: 'group', header: 'Group', meta: { rowHeader: true }, cell: ({ row }) => row.original.group.label },
      { id: 'n', header: 'Applications', meta: NUM, cell: ({ row }) => row.original.group.applications },
      {
        id: 'mean',
        header: 'Mean rating (1–4)',
        meta: NUM,
        cell: ({ row: { original: r } }) =>
          r.group.mean === null ? (
            <span className="adverse-impact__too-few">Too few to report</span>
          ) : (
            formatFixed(r.group.mean, 2)
          ),
      },
      {
        id: 'gap',
        header: 'Gap',
        meta: NUM,
        cell: ({ row: { original: r } }) =>
          r.group.kind !== 'category' ? (
            <span className="table__meta">Not compared</span>
          ) : r.group.gap === null ? (
            '–'
          ) : (
            formatFixed(r.group.gap, 2)
          ),
      },
    ],
    [],
  );
  return (
    <DataTable
      scrollLabel="Mean ratings by group"
      columns={columns}
      data={rows}
      rowId={(r) => `${r.key}-${r.group.key || 'no-answer'}`}
      className="analytics-table adverse-impact__table"
      tableName="adverse-impact-means"
      caption="Mean rating of each competency by group"
    />
  );
}
