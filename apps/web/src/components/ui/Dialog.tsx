import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** `alertdialog` for confirmations that interrupt the user. */
  role?: 'dialog' | 'alertdialog';
};

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside),
 * Escape closes it, and the browser returns focus to the control that opened it. The content is
 * mounted only while open, so forms inside start fresh each time.
 */
export function Dialog({ open, onClose, title, description, children, role = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  // A layout effect, so the dialog opens and closes during the commit: closing later (after paint)
  // would let the browser's focus return land after a caller has already moved focus elsewhere.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open ? (
        <div className="dialog__body">
          <header className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
                <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
              </svg>
            </button>
          </header>
          {description ? (
            <div id={descriptionId} className="dialog__description">
              {description}
            </div>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  /** Why the last attempt failed, shown above the buttons (an alert, or the caller's own element). */
  failure: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** For a step that takes something away (deactivate, close): the confirm button is red. */
  danger?: boolean;
  onConfirm: () => void;
  /** "Cancel" unless the step itself is a cancellation ("Keep interview"). */
  cancelLabel?: string;
};

/**
 * Asks before a change that interrupts the user: what it does, Cancel (focused, so Enter changes
 * nothing) and the confirm button, with the failure of the last attempt explained in place.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { pending, danger = false } = props;
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      role="alertdialog"
      title={props.title}
      description={props.description}
    >
      {props.failure}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={props.onClose} autoFocus>
          {props.cancelLabel ?? 'Cancel'}
        </button>
        <button
          type="button"
          className={danger ? 'button button--danger' : 'button button--primary'}
          disabled={pending || !props.open}
          onClick={props.onConfirm}
        >
          {pending ? props.pendingLabel : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
