import { QUALIFICATION_LEVEL_LABELS, type CompetencyPath, type QualificationPath } from '@scorecard/contracts';
import { useState } from 'react';
import { Alert, NoticeSlot, type Notice } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Pagination } from '@/components/ui/Pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { usePromote, useQualificationMembers } from '../api/qualification';
import { calibrationText, progressText, remainingText } from '../qualification-copy';
import '../qualification.css';

type Pending = { member: QualificationPath['member']; competency: CompetencyPath };

/** "Pia Trainee to reverse shadowing in Technical depth". */
function promotionText({ member, competency }: Pending): string {
  const to = QUALIFICATION_LEVEL_LABELS[competency.nextLevel ?? 'qualified'].toLowerCase();
  return `${member.name} to ${to} in ${competency.competency}`;
}

function MemberTraining({ path, onApprove }: { path: QualificationPath; onApprove: (p: Pending) => void }) {
  const training = path.competencies.filter((c) => c.level !== 'qualified');
  const ready = training.filter((c) => c.ready).length;
  const titleId = `training-${path.member.id}`;
  return (
    <li className="promotion-member" data-member-id={path.member.id} aria-labelledby={titleId}>
      <h3 id={titleId} className="promotion-member__name">
        {path.member.name}
      </h3>
      <p className="promotion-member__meta">
        {ready > 0
          ? `Ready for ${ready === 1 ? 'a promotion' : `${ready} promotions`}`
          : `In training in ${training.length} ${training.length === 1 ? 'competency' : 'competencies'}`}
        {training.some((c) => c.calibrationRequired) ? ` · calibration: ${calibrationText(path.calibration)}` : ''}
      </p>
      <ul className="promotion-list">
        {training.map((c) => (
          <li key={c.competencyKey} className="promotion-row" data-competency={c.competencyKey}>
            <span className="promotion-row__what">
              <strong>{c.competency}</strong>: {QUALIFICATION_LEVEL_LABELS[c.level].toLowerCase()}, {progressText(c)}
              {remainingText(c) ? <span className="table__meta"> · still to do: {remainingText(c)}</span> : null}
            </span>
            {c.ready ? (
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => onApprove({ member: path.member, competency: c })}
              >
                Approve promotion
                <span className="visually-hidden">: {promotionText({ member: path.member, competency: c })}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * For hiring managers and admins: the interviewers in training, those ready for a promotion first
 * in mind, each ready competency with an "Approve promotion" button (asked once more in a dialog).
 * Promotion is never automatic, and the audit log records each approval.
 */
export function TrainingSection() {
  const [page, setPage] = useState(1);
  const members = useQualificationMembers('training', page);
  const promote = usePromote();
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const readyCount = members.data?.items.filter((p) => p.competencies.some((c) => c.ready)).length ?? 0;

  return (
    <section className="panel home-section" aria-labelledby="home-training">
      <div className="home-section__header">
        <h2 id="home-training" className="section-header__title">
          Interviewers in training{' '}
          {readyCount > 0 ? (
            <span className="home-section__total home-section__total--neutral">{readyCount} ready</span>
          ) : null}
        </h2>
        <p className="section-header__description">
          Who is shadowing or reverse-shadowing, and who has done the sessions for the next level. You approve each
          promotion; it is never automatic.
        </p>
      </div>
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {members.isPending ? (
        <LoadingState label="Loading interviewers in training…" />
      ) : members.isError ? (
        <ErrorState
          title="Couldn’t load the interviewers in training"
          error={members.error}
          onRetry={() => void members.refetch()}
          retrying={members.isFetching}
        />
      ) : members.data.items.length === 0 ? (
        <EmptyState title="Nobody is in training">
          <p>
            Everyone is qualified. New interviewers start shadowing when an admin turns that on in Settings →
            Interviewer qualification.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="path-list">
            {members.data.items.map((p) => (
              <MemberTraining
                key={p.member.id}
                path={p}
                onApprove={(next) => {
                  setNotice(null);
                  promote.reset();
                  setPending(next);
                }}
              />
            ))}
          </ul>
          <Pagination
            label="Interviewers in training pages"
            page={members.data.page}
            pageSize={members.data.pageSize}
            total={members.data.total}
            onPageChange={setPage}
          />
        </>
      )}
      <Dialog
        open={pending !== null}
        onClose={() => setPending(null)}
        role="alertdialog"
        title="Approve this promotion?"
        description={
          pending ? (
            <p>
              {promotionText(pending)}. They have done {progressText(pending.competency).toLowerCase()}
              {pending.competency.calibrationRequired ? ' and passed the calibration check' : ''}. The audit log records
              your approval.
            </p>
          ) : undefined
        }
      >
        {pending ? (
          <>
            {promote.isError ? (
              <Alert title="The promotion wasn’t approved">{errorMessage(promote.error)}</Alert>
            ) : null}
            <div className="form__actions">
              <button type="button" className="button button--secondary" onClick={() => setPending(null)} autoFocus>
                Not now
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={promote.isPending}
                onClick={() =>
                  promote.mutate(
                    { memberId: pending.member.id, competencyKey: pending.competency.competencyKey },
                    {
                      onSuccess: () => {
                        setNotice({ tone: 'success', text: `Promoted ${promotionText(pending)}.` });
                        setPending(null);
                      },
                    },
                  )
                }
              >
                {promote.isPending ? 'Approving…' : 'Approve promotion'}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}
