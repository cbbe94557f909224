import { Link } from 'react-router';
import { NoAccessState } from '@/components/ui/PageStates';

/** Interviewers see their own interviews, not figures about the whole pipeline or their colleagues. */
export function NoAnalyticsAccess() {
  return (
    <NoAccessState title="Analytics" back={{ to: '/interviews', label: 'Go to my interviews' }}>
      Pipeline analytics are for recruiters, hiring managers and admins; interviewer calibration for hiring managers and
      admins. Your own interviews and scorecards are under My interviews.
    </NoAccessState>
  );
}

/**
 * A report the caller's role may not see, inside the analytics page: a recruiter on the calibration
 * URL (then with a way back to the pipeline), or any report the API turned away.
 */
export function NoReportAccess({
  calibration = false,
  pipelineHref,
}: {
  calibration?: boolean;
  pipelineHref?: string;
}) {
  return (
    <div className="state state--locked" role="status">
      <h2 className="state__title">
        {calibration
          ? 'Interviewer calibration is for hiring managers and admins'
          : 'You don’t have access to this report'}
      </h2>
      <p className="state__text">
        {calibration
          ? 'It compares interviewers with each other, so only hiring managers and admins see it. The pipeline figures are yours to use.'
          : 'Your role doesn’t include this report. Ask an admin of your organization if it should.'}
      </p>
      {pipelineHref ? (
        <Link className="button button--secondary" to={pipelineHref}>
          Go to pipeline analytics
        </Link>
      ) : null}
    </div>
  );
}
