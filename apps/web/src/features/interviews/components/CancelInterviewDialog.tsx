import type { Application, Interview } from '@scorecard/contracts';
import { Dialog } from '@/components/ui/Dialog';
import { useCancelInterview } from '../api/interview-mutations';
import { formatDateTime, interviewErrorMessage, isConflict } from '../interview-copy';
import { SubmitFailure } from './interview-errors';

type CancelInterviewDialogProps = {
  application: Application;
  /** The interview to cancel; null while the dialog is closed. */
  interview: Interview | null;
  onClose: () => void;
  onCancelled: (interview: Interview) => void;
  onConflict: (message: string) => void;
};

/** Asks before cancelling: the interviewer's draft scorecard is set aside and the interview stays listed. */
export function CancelInterviewDialog(props: CancelInterviewDialogProps) {
  const { interview } = props;
  return (
    <Dialog
      open={interview !== null}
      onClose={props.onClose}
      role="alertdialog"
      title={interview ? `Cancel ${interview.step.name}?` : 'Cancel interview?'}
      description={
        interview ? (
          <p>
            The interview with {interview.interviewer.name} on {formatDateTime(interview.startsAt)} is cancelled and
            their draft scorecard is set aside. It stays in the list, greyed out. This can’t be undone; schedule a new
            interview if needed.
          </p>
        ) : undefined
      }
    >
      {interview ? <CancelBody {...props} interview={interview} /> : null}
    </Dialog>
  );
}

function CancelBody({
  application,
  interview,
  onClose,
  onCancelled,
  onConflict,
}: CancelInterviewDialogProps & { interview: Interview }) {
  const cancel = useCancelInterview({ applicationId: application.id, openingId: application.opening.id });
  return (
    <>
      <SubmitFailure error={cancel.error} title="The interview wasn’t cancelled" onDismiss={() => cancel.reset()} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          Keep interview
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={cancel.isPending}
          onClick={() =>
            cancel.mutate(
              { id: interview.id, body: { revision: interview.revision } },
              {
                onSuccess: onCancelled,
                onError: (error) => {
                  if (isConflict(error)) onConflict(interviewErrorMessage(error));
                },
              },
            )
          }
        >
          {cancel.isPending ? 'Cancelling…' : 'Cancel interview'}
        </button>
      </div>
    </>
  );
}
