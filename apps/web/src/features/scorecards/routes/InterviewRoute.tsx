import { Uuid, type InterviewKit } from '@scorecard/contracts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { isApiError } from '@/lib/api';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useInterviewKit } from '../api/kit-queries';
import { DraftScorecard } from '../components/DraftScorecard';
import { ScorecardForm } from '../components/ScorecardForm';
import { SUBMITTED_HEADING_ID, SubmittedScorecard } from '../components/SubmittedScorecard';
import { draftFromScorecard } from '../scorecard-draft';
import '../scorecards.css';

function BackLink() {
  return (
    <p className="breadcrumb">
      <Link to="/interviews">My interviews</Link>
    </p>
  );
}

export default function InterviewRoute() {
  const { id = '' } = useParams();
  const validId = Uuid.safeParse(id).success;
  const kit = useInterviewKit(validId ? id : null);
  useDocumentTitle(kit.data ? `${kit.data.candidate.name}: ${kit.data.interview.step}` : 'Interview');

  if (!validId || isApiError(kit.error, 'not_found') || isApiError(kit.error, 'forbidden')) {
    const forbidden = isApiError(kit.error, 'forbidden');
    return (
      <>
        <BackLink />
        <PageHeader title={forbidden ? 'Not your interview' : 'Interview not found'} />
        <EmptyState
          title={forbidden ? 'Only the interviewer of this interview can open its kit' : 'This interview doesn’t exist'}
          action={
            <Link to="/interviews" className="button button--secondary">
              Back to my interviews
            </Link>
          }
        >
          <p>
            {forbidden
              ? 'Each interviewer scores on their own, so a kit and its scorecard open only for the person interviewing.'
              : 'It may have been reassigned to someone else, or the link is incomplete.'}
          </p>
        </EmptyState>
      </>
    );
  }
  if (kit.isPending) return <LoadingState label="Loading the interview kit…" />;
  if (kit.isError) {
    return (
      <>
        <BackLink />
        <PageHeader title="Interview" />
        <ErrorState
          title="Couldn’t load the interview kit"
          error={kit.error}
          onRetry={() => void kit.refetch()}
          retrying={kit.isFetching}
        />
      </>
    );
  }
  return <InterviewPage kit={kit.data} />;
}

function InterviewPage({ kit }: { kit: InterviewKit }) {
  // One "now" per page view, so the overdue marker doesn't flicker between renders.
  const [now] = useState(() => Date.now());
  const { scorecard, interview } = kit;
  // The submitted view replaces the form once the cache update renders: focus its heading then.
  const focusSubmitted = () => {
    let tries = 0;
    const attempt = () => {
      const heading = document.getElementById(SUBMITTED_HEADING_ID);
      if (heading) {
        heading.focus({ preventScroll: true });
        window.scrollTo({ top: 0 });
      } else if (tries++ < 60) requestAnimationFrame(attempt);
    };
    requestAnimationFrame(attempt);
  };

  let body;
  if (interview.status === 'cancelled') {
    body = (
      <>
        <div className="notice-slot">
          <Alert tone="info" title="This interview was cancelled">
            Its scorecard is kept as it was and no longer changes.
          </Alert>
        </div>
        <ScorecardForm kit={kit} content={draftFromScorecard(scorecard)} update={null} issues={[]} now={now} />
      </>
    );
  } else if (scorecard.status === 'submitted') {
    body = <SubmittedScorecard key={scorecard.id} kit={kit} now={now} />;
  } else {
    body = <DraftScorecard key={scorecard.id} kit={kit} now={now} onSubmitted={focusSubmitted} />;
  }

  return (
    <div className="interview-page">
      <BackLink />
      <PageHeader title={kit.candidate.name} description={`${interview.step} · ${kit.opening.title}`} />
      {body}
    </div>
  );
}
