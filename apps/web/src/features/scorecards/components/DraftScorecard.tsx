import type { InterviewKit, Scorecard } from '@scorecard/contracts';
import type { ScorecardIssue } from '@scorecard/domain';
import { useMemo, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { ApiError, errorMessage, isApiError } from '@/lib/api';
import { useSubmitScorecard } from '../api/scorecard-mutations';
import { formatDateTime } from '../scorecard-copy';
import { answeredCount, draftIssues, isCandidateQuestions } from '../scorecard-draft';
import { useAutosave } from '../use-autosave';
import { ContradictionDialog } from './ContradictionDialog';
import { IssueList } from './IssueList';
import { PanelFeedbackHidden } from './PanelFeedback';
import { SaveStatusText } from './SaveStatusText';
import { ScorecardBar } from './ScorecardBar';
import { ScorecardForm, type Updater } from './ScorecardForm';
import { useSendChecks } from './use-send-checks';

function submitErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'stale_revision') {
    return 'This scorecard was saved in another tab or window just now. Reload the page to see the latest, then submit.';
  }
  return errorMessage(error);
}

/** A draft scorecard: saved as it is typed, checked and submitted from the bar at the bottom. */
export function DraftScorecard({
  kit,
  now,
  onSubmitted,
}: {
  kit: InterviewKit;
  now: number;
  onSubmitted: (scorecard: Scorecard) => void;
}) {
  const autosave = useAutosave(kit, kit.scorecard);
  const submitMutation = useSubmitScorecard({ interviewId: kit.interview.id, scorecardId: kit.scorecard.id });
  const [serverIssues, setServerIssues] = useState<ScorecardIssue[] | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [keepingMine, setKeepingMine] = useState(false);
  const { attempted, contradiction, setContradiction, issuesHeading, focusIssues, begin, ready } = useSendChecks();
  const notStarted = Date.parse(kit.interview.startsAt) > now;
  const closing = isCandidateQuestions(kit);
  const localIssues = useMemo(() => draftIssues(autosave.content, kit), [autosave.content, kit]);
  const issues = serverIssues ?? localIssues;
  const progress = answeredCount(autosave.content, kit);
  const { status } = autosave;

  const update: Updater = (recipe) => {
    setServerIssues(null);
    autosave.update(recipe);
  };

  const submit = async (confirmContradiction = false) => {
    begin();
    setSubmitError(null);
    setServerIssues(null);
    if (Date.parse(kit.interview.startsAt) > Date.now()) {
      setSubmitError(
        `This interview starts ${formatDateTime(kit.interview.startsAt, new Date())}: submit once it has started. Your draft is saved meanwhile.`,
      );
      return;
    }
    if (!ready(localIssues, autosave.content, kit, confirmContradiction)) return;
    setSubmitting(true);
    try {
      const revision = await autosave.saveNow();
      if (revision === null) {
        setSubmitError(
          'Your latest changes aren’t saved yet, so nothing was submitted. Once they are saved, try again.',
        );
        return;
      }
      const submitted = await submitMutation.mutateAsync({
        revision,
        ...(confirmContradiction ? { confirmContradiction: true } : {}),
      });
      // The kit now holds the submitted scorecard (the mutation put it there): the page shows it next.
      autosave.stop();
      onSubmitted(submitted);
    } catch (error) {
      if (isApiError(error, 'scorecard_incomplete') && error.fieldErrors.length > 0) {
        setServerIssues(error.fieldErrors.map((f) => ({ path: f.path, message: f.message })));
        focusIssues();
      } else if (isApiError(error, 'recommendation_contradicts_ratings')) {
        setContradiction(error.message);
      } else {
        setSubmitError(submitErrorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const conflict = status.kind === 'conflict';
  const keepMine = async () => {
    setKeepingMine(true);
    try {
      await autosave.keepMine();
    } catch {
      // The status line says it could not reach the server; the banner stays.
    } finally {
      setKeepingMine(false);
    }
  };

  return (
    <>
      {autosave.restored === 'restored' ? (
        <div className="notice-slot">
          <Alert tone="info" title="Restored from this device" onDismiss={autosave.dismissRestored}>
            Changes you made here earlier hadn’t reached the server. They are back on the page and being saved now.
          </Alert>
        </div>
      ) : null}
      {notStarted ? (
        <div className="notice-slot">
          <Alert tone="info" title="This interview hasn’t started yet">
            It starts {formatDateTime(kit.interview.startsAt, new Date(now))}. Read the kit and take notes now; they are
            saved as a draft. You can submit the scorecard once the interview has started.
          </Alert>
        </div>
      ) : null}
      {conflict ? (
        <div className="notice-slot">
          <Alert title="This scorecard changed in another tab or window">
            <p>
              {autosave.restored === 'conflict'
                ? 'This device kept changes that were never saved, and the scorecard has been saved elsewhere since.'
                : 'It was saved elsewhere after this page last saved it, so your latest changes were not saved.'}{' '}
              The page shows your version; nothing you typed is lost. Keep yours, or switch to the saved one.
            </p>
            <div className="alert__buttons">
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => void keepMine()}
                disabled={keepingMine}
              >
                {keepingMine ? 'Saving…' : 'Use my version'}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void autosave.takeLatest().catch(() => undefined)}
                disabled={keepingMine}
              >
                Use the saved version
              </button>
            </div>
          </Alert>
        </div>
      ) : null}
      <ScorecardForm kit={kit} content={autosave.content} update={update} issues={attempted ? issues : []} now={now}>
        {attempted ? (
          <IssueList issues={issues} content={autosave.content} action="submit" headingRef={issuesHeading} />
        ) : null}
        <PanelFeedbackHidden />
      </ScorecardForm>
      <ScorecardBar label="Scorecard status">
        <SaveStatusText
          status={status}
          lastSaved={new Date(kit.scorecard.updatedAt)}
          localOk={autosave.localOk}
          onRetry={autosave.retry}
        />
        <span className="scorecard-bar__progress">
          {closing ? 'Notes and a summary only' : `${progress.answered} of ${progress.total} criteria rated`}
        </span>
        {submitError ? (
          <span className="scorecard-bar__error" role="alert">
            {submitError}
          </span>
        ) : null}
        <button
          type="button"
          className="button button--primary scorecard-bar__action"
          onClick={() => void submit()}
          disabled={submitting || conflict}
        >
          {submitting ? 'Submitting…' : 'Submit scorecard'}
        </button>
      </ScorecardBar>
      <ContradictionDialog
        message={contradiction}
        confirmLabel="Submit anyway"
        onCancel={() => setContradiction(null)}
        onConfirm={() => void submit(true)}
      />
    </>
  );
}
