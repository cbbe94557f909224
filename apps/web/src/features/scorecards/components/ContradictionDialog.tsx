import { Dialog } from '@/components/ui/Dialog';

type ContradictionDialogProps = {
  /** The rule's sentence naming the mean, or null when closed. */
  message: string | null;
  /** "Submit anyway" or "Save the amendment anyway". */
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => void;
};

/**
 * Asks the interviewer to confirm a recommendation that contradicts their own ratings. Confirming is
 * recorded on the scorecard and shown with it; going back leaves everything as it is.
 */
export function ContradictionDialog({ message, confirmLabel, onCancel, onConfirm }: ContradictionDialogProps) {
  return (
    <Dialog
      open={message !== null}
      onClose={onCancel}
      role="alertdialog"
      title="Your recommendation contradicts your ratings"
      description={message ?? ''}
    >
      <p>
        If it stands, confirm it: the confirmation is recorded and shown with your scorecard, so the panel knows you
        meant it.
      </p>
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel} autoFocus>
          Go back and check
        </button>
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
