import type { AnalyticsQuery, Calibration } from '@scorecard/contracts';
import { EmptyState } from '@/components/ui/States';
import { useCalibration } from '../api/analytics-queries';
import { useSession } from '@/lib/session';
import { ALPHA_GOOD, ALPHA_TENTATIVE, formatAlpha, plural } from '../analytics-copy';
import { AgreementTable } from './AgreementTable';
import { AnalyticsSection } from './AnalyticsSection';
import { InterviewersTable } from './InterviewersTable';
import { MinimumUnitsSetting } from './MinimumUnitsSetting';
import { NoReportAccess } from './NoAnalyticsAccess';
import { RatingDistributionChart, RatingDistributionTable } from './RatingDistributionChart';
import { ReportStates, WidenFilters } from './ReportStates';

type CalibrationViewProps = {
  query: AnalyticsQuery | null;
  range: string;
  hasDates: boolean;
  hasOpening: boolean;
  onClearDates: () => void;
  onAllOpenings: () => void;
  /** Whether scorecards imported from another system count (`includeImported`). */
  includeImported?: boolean;
};

/** How each interviewer scores against their panel, and how far panels agree per competency. */
export function CalibrationView(props: CalibrationViewProps) {
  const report = useCalibration(props.query, props.includeImported);
  return (
    <ReportStates
      report={report}
      invalid={props.query === null}
      noun="the calibration"
      noAccess={<NoReportAccess calibration />}
      onAllOpenings={props.onAllOpenings}
    >
      {(data) => <CalibrationReport data={data} busy={report.isPlaceholderData && report.isFetching} {...props} />}
    </ReportStates>
  );
}

function CalibrationReport({
  data,
  busy,
  range,
  hasDates,
  hasOpening,
  onClearDates,
  onAllOpenings,
}: CalibrationViewProps & { data: Calibration; busy: boolean }) {
  const { thresholds } = data;
  const { user } = useSession();
  if (data.interviewers.length === 0) {
    return (
      <div className="panel">
        <EmptyState
          title="No submitted scorecards in this range"
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
            No interview held {range}
            {hasOpening ? ' for this opening' : ''} has a submitted scorecard yet. Calibration compares interviewers
            once their feedback is in.
          </p>
        </EmptyState>
      </div>
    );
  }
  const thin = data.interviewers.some((i) => !i.offset.enough || !i.unassessedShare.enough || !i.lateShare.enough);
  return (
    <div className="analytics-report" aria-busy={busy}>
      <AnalyticsSection
        title="Interviewers"
        description="Submitted scorecards of interviews held in the range, by interviewer."
        note={
          <>
            <MinimumUnitsSetting minUnits={thresholds.offsetUnits} canChange={user.role === 'admin'} />
            <p className="analytics-thresholds" data-thresholds="">
              <strong>Enough data:</strong> an offset needs at least {plural(thresholds.offsetUnits, 'matched unit')};
              the unassessed and late shares need at least {plural(thresholds.scorecards, 'scorecard')}. Figures below
              that are greyed{thin ? ', as some are here,' : ''} because they could be chance.
            </p>
            <p className="analytics-help">
              <strong>Offset</strong> compares an interviewer with their co-raters on <em>matched units</em>: the same
              question asked of the same candidate, rated by them and at least one other interviewer. It is the mean of
              their rating minus the others’ mean there, on the 1–4 scale (+ more lenient, − more severe), with a 95%
              interval and the number of units. Interviewers who never rated the same thing as anyone get no offset.
              Ratings are read as first submitted. <strong>Questions unassessed</strong> is the share of the questions
              their interviews asked that they marked not assessed.
            </p>
          </>
        }
      >
        <InterviewersTable calibration={data} />
      </AnalyticsSection>
      <AnalyticsSection
        title="Rating distribution"
        description="How often each interviewer gave a 1, 2, 3 or 4. Someone who never uses one end of the scale stands out."
        table={<RatingDistributionTable interviewers={data.interviewers} />}
      >
        <RatingDistributionChart interviewers={data.interviewers} />
      </AnalyticsSection>
      <AnalyticsSection
        title="Panel agreement"
        description="How far interviewers of the same candidate agree, per competency: Krippendorff’s alpha for ordinal ratings."
        note={
          <p className="analytics-help">
            A unit is one question of one candidate rated by two or more interviewers, one rating each; alpha needs at
            least {plural(thresholds.alphaUnits, 'unit')}. 1 is perfect agreement and 0 no better than chance; the 95%
            interval comes from 1,000 resamples of the units. Following Krippendorff’s usual cut-offs,{' '}
            {formatAlpha(ALPHA_GOOD)} or more is good agreement, {ALPHA_TENTATIVE} to {formatAlpha(ALPHA_GOOD)} supports
            only tentative conclusions, and below {ALPHA_TENTATIVE} is low.
          </p>
        }
      >
        {data.agreement.length === 0 ? (
          <EmptyState title="No competencies to compare">
            <p>No question was rated by two interviewers of the same candidate in this range.</p>
          </EmptyState>
        ) : (
          <AgreementTable calibration={data} />
        )}
      </AnalyticsSection>
    </div>
  );
}
