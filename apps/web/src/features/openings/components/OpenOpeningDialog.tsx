import { ChangeOpeningStatusRequest, type Opening } from '@scorecard/contracts';
import { openingReadinessIssues } from '@scorecard/domain';
import { useId, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { ApiError } from '@/lib/api';
import { useChangeOpeningStatus } from '../api/opening-mutations';
import { isStale, openingWriteErrorMessage } from '../opening-errors';

const reasonSchema = ChangeOpeningStatusRequest.shape.overrideReason.unwrap();

type OpenOpeningDialogProps = {
  opening: Opening;
  open: boolean;
  hasUnsavedPlan: boolean;
  onClose: () => void;
  onOpened: (opening: Opening) => void;
  onReload: () => void;
};

/**
 * Opens an opening. It must be ready (hiring manager, rubric, checklist); its saved plan must pass
 * the plan check, or the person states why it opens anyway, which is recorded with their name.
 */
export function OpenOpeningDialog(props: OpenOpeningDialogProps) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={`Open ${props.opening.title}?`}>
      <OpenOpeningBody {...props} />
    </Dialog>
  );
}

function OpenOpeningBody({ opening, hasUnsavedPlan, onClose, onOpened, onReload }: OpenOpeningDialogProps) {
  const change = useChangeOpeningStatus(opening.id);
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  /** Issues the server reported when it refused to open without an override. */
  const [serverIssues, setServerIssues] = useState<string[] | null>(null);

  const readiness = openingReadinessIssues({
    hiringManagerId: opening.hiringManager?.id ?? null,
    rubricVersionId: opening.rubricVersion?.id ?? null,
    checklistVersionId: opening.checklistVersion?.id ?? null,
  });
  const issues = serverIssues ?? opening.planCheck.issues.filter((i) => i.severity === 'error').map((i) => i.message);
  // Warnings never block opening; they are shown so the hiring manager opens with eyes open.
  const warnings = opening.planCheck.issues.filter((i) => i.severity === 'warning').map((i) => i.message);
  const needsOverride = serverIssues !== null || !opening.planCheck.ok;

  const submit = () => {
    let overrideReason: string | undefined;
    if (needsOverride) {
      const parsed = reasonSchema.safeParse(reason);
      if (!parsed.success) {
        setReasonError(parsed.error.issues[0]?.message ?? 'Explain why it opens anyway.');
        document.getElementById(reasonId)?.focus();
        return;
      }
      overrideReason = parsed.data;
    }
    setReasonError(null);
    change.mutate(
      { status: 'open', revision: opening.revision, ...(overrideReason ? { overrideReason } : {}) },
      {
        onSuccess: onOpened,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'plan_check_failed') {
            setServerIssues(error.fieldErrors.map((e) => e.message));
            change.reset();
          }
        },
      },
    );
  };

  if (readiness.length > 0) {
    return (
      <>
        <Alert tone="info" title="This opening isn’t ready yet">
          <ul className="plain-list">
            {readiness.map((issue) => (
              <li key={issue.path}>{issue.message}</li>
            ))}
          </ul>
          <p>Edit the profile to add them, then open it.</p>
        </Alert>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </>
    );
  }

  const error = change.error;
  return (
    <form
      className="form"
      noValidate
      aria-label="Open the opening"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {hasUnsavedPlan ? (
        <Alert tone="info">
          The plan has unsaved changes. Only the saved plan counts: save it first to include them.
        </Alert>
      ) : null}
      {needsOverride ? (
        <>
          <div className="check-issues" role="group" aria-label="Plan check issues">
            <p className="check-issues__title">The saved plan doesn’t pass the plan check:</p>
            <ul>
              {issues.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
          <div className={reasonError ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor={reasonId}>
              Reason for opening anyway
            </label>
            <textarea
              id={reasonId}
              className="input textarea"
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError !== null}
              aria-describedby={`${reasonId}-hint${reasonError ? ` ${reasonId}-error` : ''}`}
            />
            <p id={`${reasonId}-hint`} className="field__hint">
              At least 10 characters. It is recorded with your name and shown on the opening.
            </p>
            {reasonError ? (
              <p id={`${reasonId}-error`} className="field__error">
                {reasonError}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <Alert tone="success">
          Ready: it has a hiring manager, a rubric and a red-flag checklist, and the plan check passes.
        </Alert>
      )}
      {warnings.length > 0 ? (
        <div className="check-issues check-issues--warning" role="group" aria-label="Plan check warnings">
          <p className="check-issues__title">Warnings (they don’t block opening):</p>
          <ul>
            {warnings.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {change.isError ? (
        <Alert title="Not opened">
          <p>
            {error instanceof ApiError && error.code === 'invalid_transition'
              ? 'This opening’s status changed in the meantime, so it can’t be opened from here. Reload to see it.'
              : openingWriteErrorMessage(error, 'the status')}
          </p>
          {isStale(error) || (error instanceof ApiError && error.code === 'invalid_transition') ? (
            <button type="button" className="button button--secondary button--small alert__action" onClick={onReload}>
              Reload the opening
            </button>
          ) : null}
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="submit"
          className={needsOverride ? 'button button--danger' : 'button button--primary'}
          disabled={change.isPending}
        >
          {change.isPending ? 'Opening…' : needsOverride ? 'Open anyway' : 'Open opening'}
        </button>
      </div>
    </form>
  );
}
