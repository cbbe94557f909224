import type { AnalyticsQuery, PipelineAnalytics } from '@scorecard/contracts';
import { EmptyState } from '@/components/ui/States';
import { usePipelineAnalytics } from '../api/analytics-queries';
import { AnalyticsSection } from './AnalyticsSection';
import { FunnelChart, FunnelTable } from './FunnelChart';
import { NoReportAccess } from './NoAnalyticsAccess';
import { OverdueTable } from './OverdueTable';
import { ReportStates, WidenFilters } from './ReportStates';
import { SourcesTable } from './SourcesTable';
import { TimeInStageChart, TimeInStageTable } from './TimeInStageChart';

type PipelineViewProps = {
  query: AnalyticsQuery | null;
  /** "from 28 Aug 2026 to 26 Nov 2026", for the empty states. */
  range: string;
  hasDates: boolean;
  hasOpening: boolean;
  onClearDates: () => void;
  onAllOpenings: () => void;
};

/** Funnel, time in stage, sources and overdue scorecards for the applications the filters select. */
export function PipelineView(props: PipelineViewProps) {
  const report = usePipelineAnalytics(props.query);
  return (
    <ReportStates
      report={report}
      invalid={props.query === null}
      noun="the pipeline figures"
      noAccess={<NoReportAccess />}
      onAllOpenings={props.onAllOpenings}
    >
      {(data) => <PipelineReport data={data} busy={report.isPlaceholderData && report.isFetching} {...props} />}
    </ReportStates>
  );
}

function PipelineReport({
  data,
  busy,
  range,
  hasDates,
  hasOpening,
  onClearDates,
  onAllOpenings,
}: PipelineViewProps & { data: PipelineAnalytics; busy: boolean }) {
  const applications = data.funnel[0]?.reached ?? 0;
  const now = Date.now();
  return (
    <div className="analytics-report" aria-busy={busy}>
      {applications === 0 ? (
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
              {hasOpening ? ' for this opening' : ''}. Widen the range to see the funnel, time in stage and sources.
            </p>
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="analytics-columns">
            <AnalyticsSection
              title="Funnel"
              description="Applications that reached each stage, and the share that went on to the next."
              table={<FunnelTable funnel={data.funnel} />}
            >
              <FunnelChart funnel={data.funnel} />
            </AnalyticsSection>
            <AnalyticsSection
              title="Time in stage"
              description="Median time an application spent in each stage before it moved on."
              table={<TimeInStageTable rows={data.timeInStage} />}
            >
              <TimeInStageChart rows={data.timeInStage} />
            </AnalyticsSection>
          </div>
          <AnalyticsSection
            title="Sources"
            description="Where the applications came from, and how far they got. Rates are shares of each source’s applications."
          >
            <SourcesTable sources={data.sources} />
          </AnalyticsSection>
        </>
      )}
      <AnalyticsSection
        title="Overdue scorecards"
        description="Draft scorecards past their feedback due time on these applications, by interviewer."
      >
        {data.overdueByInterviewer.length === 0 ? (
          <EmptyState title="No overdue scorecards">
            <p>Every interviewer is up to date with their feedback.</p>
          </EmptyState>
        ) : (
          <OverdueTable rows={data.overdueByInterviewer} now={now} />
        )}
      </AnalyticsSection>
    </div>
  );
}
