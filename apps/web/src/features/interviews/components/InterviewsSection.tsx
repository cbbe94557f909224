import { STAGE_LABELS, type Application, type Interview } from '@scorecard/contracts';
import { FINAL_STAGES } from '@scorecard/domain';
import { useEffect, useState } from 'react';
import { Alert, NoticeSlot } from '@/components/ui/Alert';
import { LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { useInterviews } from '../api/interview-queries';
import { formatDateTime } from '../interview-copy';
import { AddTraineeDialog } from './AddTraineeDialog';
import { CancelInterviewDialog } from './CancelInterviewDialog';
import { ChangeInterviewDialog } from './ChangeInterviewDialog';
import { InterviewList, focusInterview } from './InterviewList';
import { ScheduleInterviewDialog } from './ScheduleInterviewDialog';

type DialogState = { kind: 'schedule' } | { kind: 'change' | 'cancel' | 'trainee'; id: string } | null;

type InterviewsSectionProps = {
  application: Application;
  /** A competency to schedule an interview for (an evidence gap of the debrief): opens the dialog with a step that asks it. */
  scheduleFor?: string | null;
  onScheduleForHandled?: () => void;
};

/**
 * The interviews of an application: the list, scheduling from a plan step, and rescheduling,
 * reassigning or cancelling one interview.
 */
export function InterviewsSection({ application, scheduleFor = null, onScheduleForHandled }: InterviewsSectionProps) {
  const interviews = useInterviews(application.id);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [competencyKey, setCompetencyKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const final = FINAL_STAGES.includes(application.stage);
  const items = interviews.data ?? [];
  useEffect(() => {
    if (!scheduleFor || interviews.isPending) return;
    if (!final) {
      setCompetencyKey(scheduleFor);
      setDialog({ kind: 'schedule' });
    }
    onScheduleForHandled?.();
  }, [scheduleFor, interviews.isPending, final, onScheduleForHandled]);
  const selected = (kind: 'change' | 'cancel' | 'trainee') =>
    dialog?.kind === kind ? (items.find((i) => i.id === dialog.id) ?? null) : null;

  const open = (next: DialogState) => {
    setNotice(null);
    setFailure(null);
    setDialog(next);
  };
  const done = (message: string, focusId?: string) => {
    setDialog(null);
    setNotice(message);
    if (focusId) focusInterview(focusId);
  };
  const conflict = (message: string) => {
    setDialog(null);
    setFailure(message);
  };
  const summary = (i: Interview) => `${i.step.name} with ${i.interviewer.name} on ${formatDateTime(i.startsAt)}`;

  return (
    <section className="panel panel--padded application-interviews" aria-labelledby="interviews-title">
      <div className="section-header">
        <div>
          <h2 id="interviews-title" className="section-header__title">
            Interviews
          </h2>
          <p className="section-header__description">
            Each interview covers one step of the plan; its interviewer gets their own scorecard.
          </p>
        </div>
        {final ? null : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setCompetencyKey(null);
              open({ kind: 'schedule' });
            }}
            disabled={interviews.isPending}
          >
            Schedule interview
          </button>
        )}
      </div>
      {final ? (
        <p className="application-interviews__note">
          {STAGE_LABELS[application.stage]} is final, so no more interviews can be scheduled.
        </p>
      ) : null}
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {failure ? (
        <div className="notice-slot">
          <Alert title="Not changed" onDismiss={() => setFailure(null)}>
            {failure}
          </Alert>
        </div>
      ) : null}
      {interviews.isPending ? (
        <LoadingState label="Loading interviews…" />
      ) : interviews.isError ? (
        <Alert title="Couldn’t load the interviews">
          <p>{errorMessage(interviews.error)}</p>
          <button
            type="button"
            className="button button--secondary button--small alert__action"
            onClick={() => void interviews.refetch()}
            disabled={interviews.isFetching}
          >
            {interviews.isFetching ? 'Retrying…' : 'Try again'}
          </button>
        </Alert>
      ) : items.length === 0 ? (
        <p className="application-interviews__empty">No interviews yet. Schedule one for each step of the plan.</p>
      ) : (
        <InterviewList
          interviews={items}
          now={Date.now()}
          onChange={(i) => open({ kind: 'change', id: i.id })}
          onCancel={(i) => open({ kind: 'cancel', id: i.id })}
          onAddTrainee={(i) => open({ kind: 'trainee', id: i.id })}
        />
      )}
      <ScheduleInterviewDialog
        open={dialog?.kind === 'schedule'}
        application={application}
        interviews={items}
        competencyKey={competencyKey}
        onClose={() => setDialog(null)}
        onScheduled={(i) => done(`Scheduled ${summary(i)}.`, i.id)}
      />
      <ChangeInterviewDialog
        application={application}
        interview={selected('change')}
        onClose={() => setDialog(null)}
        onChanged={(i) => done(`Saved. ${summary(i)}.`)}
        onConflict={conflict}
      />
      <AddTraineeDialog
        application={application}
        interview={selected('trainee')}
        onClose={() => setDialog(null)}
        onAdded={(seat) =>
          done(
            `Added ${seat.interviewer.name} to ${seat.step.name} as ${seat.training?.trainee ? 'the shadow' : 'the observer'}.`,
            seat.id,
          )
        }
      />
      <CancelInterviewDialog
        application={application}
        interview={selected('cancel')}
        onClose={() => setDialog(null)}
        onCancelled={(i) => done(`Cancelled ${i.step.name} with ${i.interviewer.name}.`, i.id)}
        onConflict={conflict}
      />
    </section>
  );
}
