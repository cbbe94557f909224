import type { Opening, OpeningStatus } from '@scorecard/contracts';
import { canChangeOpeningStatus } from '@scorecard/domain';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { useChangeOpeningStatus } from '../api/opening-mutations';
import { openingWriteErrorMessage } from '../opening-errors';
import { OpenOpeningDialog } from './OpenOpeningDialog';
import { OpeningStatusBadge } from './OpeningStatusBadge';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const STATUS_TEXT: Record<OpeningStatus, string> = {
  draft: 'Being defined. Open it when the profile and the interview plan are ready.',
  open: 'Hiring. Interviews follow the plan below.',
  on_hold: 'Paused. No new interviews are planned until it is opened again.',
  closed: 'Closed. It stays here for the record and can’t be reopened.',
};

type OpeningStatusPanelProps = {
  opening: Opening;
  canEdit: boolean;
  hasUnsavedPlan: boolean;
  onChanged: (message: string) => void;
  onReload: () => void;
};

export function OpeningStatusPanel({ opening, canEdit, hasUnsavedPlan, onChanged, onReload }: OpeningStatusPanelProps) {
  const [dialog, setDialog] = useState<'open' | 'on_hold' | 'closed' | null>(null);
  const can = (to: OpeningStatus) => canEdit && canChangeOpeningStatus(opening.status, to);
  const override = opening.planOverride;

  return (
    <section className="panel status-panel" aria-labelledby="opening-status-title">
      <div className="status-panel__row">
        <div className="status-panel__state">
          <h2 id="opening-status-title" className="visually-hidden">
            Status
          </h2>
          <OpeningStatusBadge status={opening.status} />
          <p className="status-panel__text">
            {opening.status === 'draft' && !canEdit
              ? 'Being defined by the hiring manager; not open yet.'
              : STATUS_TEXT[opening.status]}
          </p>
        </div>
        {canEdit ? (
          <div className="status-panel__actions">
            {can('open') ? (
              <button type="button" className="button button--primary" onClick={() => setDialog('open')}>
                {opening.status === 'on_hold' ? 'Reopen' : 'Open'}
              </button>
            ) : null}
            {can('on_hold') ? (
              <button type="button" className="button button--secondary" onClick={() => setDialog('on_hold')}>
                Put on hold
              </button>
            ) : null}
            {can('closed') ? (
              <button type="button" className="button button--secondary" onClick={() => setDialog('closed')}>
                Close opening
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {override ? (
        <div className="override-note" role="note" aria-label="Plan check override">
          <p className="override-note__title">Opened without a passing plan check</p>
          <blockquote className="override-note__reason">{override.reason}</blockquote>
          <p className="override-note__meta">
            Recorded by {override.by.name} on{' '}
            <time dateTime={override.at}>{dateTime.format(new Date(override.at))}</time>
          </p>
        </div>
      ) : null}
      <OpenOpeningDialog
        opening={opening}
        open={dialog === 'open'}
        hasUnsavedPlan={hasUnsavedPlan}
        onClose={() => setDialog(null)}
        onOpened={() => {
          setDialog(null);
          onChanged(`${opening.title} is open.`);
        }}
        onReload={() => {
          setDialog(null);
          onReload();
        }}
      />
      <ConfirmStatusDialog
        opening={opening}
        to={dialog === 'on_hold' || dialog === 'closed' ? dialog : null}
        onClose={() => setDialog(null)}
        onChanged={(to) => {
          setDialog(null);
          onChanged(to === 'closed' ? `${opening.title} is closed.` : `${opening.title} is on hold.`);
        }}
      />
    </section>
  );
}

type ConfirmStatusDialogProps = {
  opening: Opening;
  to: 'on_hold' | 'closed' | null;
  onClose: () => void;
  onChanged: (to: OpeningStatus) => void;
};

function ConfirmStatusDialog({ opening, to, onClose, onChanged }: ConfirmStatusDialogProps) {
  const change = useChangeOpeningStatus(opening.id);
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={to !== null}
      onClose={close}
      title={to === 'closed' ? `Close ${opening.title}?` : `Put ${opening.title} on hold?`}
      description={
        to === 'closed' ? (
          <p>A closed opening can’t be reopened. Its profile, plan and history stay for the record.</p>
        ) : (
          <p>No new interviews are planned while it is on hold. You can open it again later.</p>
        )
      }
      failure={change.isError ? <Alert>{openingWriteErrorMessage(change.error, 'the status')}</Alert> : null}
      danger={to === 'closed'}
      confirmLabel={to === 'closed' ? 'Close opening' : 'Put on hold'}
      pendingLabel="Saving…"
      pending={change.isPending}
      onConfirm={() => {
        if (!to) return;
        const onSuccess = () => {
          change.reset();
          onChanged(to);
        };
        change.mutate({ status: to, revision: opening.revision }, { onSuccess });
      }}
    />
  );
}
