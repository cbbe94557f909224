import type { InterviewKit } from '@scorecard/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { ApiError, errorMessage, isApiError } from '@/lib/api';
import { useAmendScorecard } from '../api/scorecard-mutations';
import { formatDateTime } from '../scorecard-copy';
import { readLocalDraft, removeLocalDraft, writeLocalDraft } from '../local-drafts';
import { draftFromScorecard, draftIssues, toBody, type DraftContent } from '../scorecard-draft';
import { AmendDialog } from './AmendDialog';
import { AmendmentHistory } from './AmendmentHistory';
import { ContradictionDialog } from './ContradictionDialog';
import { IssueList } from './IssueList';
import { PanelFeedback } from './PanelFeedback';
import { ScorecardBar } from './ScorecardBar';
import { ScorecardForm, type Updater } from './ScorecardForm';
import { useSendChecks } from './use-send-checks';

export const SUBMITTED_HEADING_ID = 'scorecard-submitted-title';

type Amending = { reason: string; content: DraftContent; restored: boolean };

/** An amendment this browser kept for the scorecard's current revision (a reload mid-amendment). */
function restoredAmendment(kit: InterviewKit): Amending | null {
  const local = readLocalDraft(kit.scorecard.id);
  if (!local) return null;
  if (local.kind !== 'amendment' || local.baseRevision !== kit.scorecard.revision) {
    removeLocalDraft(kit.scorecard.id);
    return null;
  }
  return { reason: local.reason ?? '', content: local.content, restored: true };
}

/**
 * A submitted scorecard: read-only, with its amendments and the panel's feedback. "Amend" asks for a
 * reason, then opens the same form again; saving posts the amendment (the server keeps the original).
 */
export function SubmittedScorecard({ kit, now }: { kit: InterviewKit; now: number }) {
  const { scorecard } = kit;
  const amend = useAmendScorecard({
    interviewId: kit.interview.id,
    scorecardId: scorecard.id,
    applicationId: scorecard.applicationId,
  });
  const [amending, setAmending] = useState<Amending | null>(() => restoredAmendment(kit));
  const [dialogOpen, setDialogOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { attempted, setAttempted, contradiction, setContradiction, issuesHeading, begin, ready } = useSendChecks();
  const heading = useRef<HTMLHeadingElement>(null);
  const saved = useMemo(() => draftFromScorecard(scorecard), [scorecard]);
  const content = amending?.content ?? saved;
  const issues = useMemo(() => (amending ? draftIssues(amending.content, kit) : []), [amending, kit]);

  useEffect(() => {
    if (!amending) return;
    writeLocalDraft(scorecard.id, {
      kind: 'amendment',
      baseRevision: scorecard.revision,
      reason: amending.reason,
      content: amending.content,
      changedAt: Date.now(),
    });
  }, [amending, scorecard.id, scorecard.revision]);

  const update: Updater = (recipe) =>
    setAmending((a) => (a ? { ...a, content: recipe(a.content), restored: a.restored } : a));

  const focusHeading = () => requestAnimationFrame(() => heading.current?.focus());

  const start = (reason: string) => {
    setDialogOpen(false);
    setNotice(null);
    setFailure(null);
    setAttempted(false);
    setAmending({ reason, content: saved, restored: false });
  };

  const cancel = () => {
    removeLocalDraft(scorecard.id);
    setAmending(null);
    setFailure(null);
    focusHeading();
  };

  const save = async (confirmContradiction = false) => {
    if (!amending) return;
    begin();
    setFailure(null);
    if (!ready(issues, amending.content, kit, confirmContradiction)) return;
    setSaving(true);
    try {
      await amend.mutateAsync({
        ...toBody(amending.content, kit),
        reason: amending.reason,
        revision: scorecard.revision,
        ...(confirmContradiction ? { confirmContradiction: true } : {}),
      });
      removeLocalDraft(scorecard.id);
      setAmending(null);
      setAttempted(false);
      setNotice('Amendment saved. The original is kept on record with your reason.');
      focusHeading();
    } catch (error) {
      if (isApiError(error, 'recommendation_contradicts_ratings')) {
        setContradiction(error.message);
      } else if (error instanceof ApiError && error.code === 'stale_revision') {
        setFailure(
          'This scorecard was amended in another tab or window. Reload the page to see the latest; your changes here are kept on this device until then.',
        );
      } else {
        setFailure(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <section className="submitted-banner" aria-labelledby={SUBMITTED_HEADING_ID}>
        <div className="submitted-banner__text">
          <h2 id={SUBMITTED_HEADING_ID} ref={heading} tabIndex={-1} className="submitted-banner__title">
            {amending
              ? 'Amending your scorecard'
              : `Submitted ${scorecard.submittedAt ? formatDateTime(scorecard.submittedAt, new Date(now)) : ''}`}
          </h2>
          <p>
            {amending ? (
              <>
                Reason: <q>{amending.reason}</q>. Change what needs correcting, then save the amendment; the original
                stays on record.
              </>
            ) : (
              'A submitted scorecard no longer changes. To correct it, amend it with a reason; the original stays on record.'
            )}
          </p>
          <AmendmentHistory amendments={scorecard.amendments} />
        </div>
        {amending ? null : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotice(null);
              setDialogOpen(true);
            }}
          >
            Amend
          </button>
        )}
      </section>
      <div className="notice-slot" aria-live="polite">
        {notice ? (
          <Alert tone="success" onDismiss={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
      </div>
      {amending?.restored ? (
        <div className="notice-slot">
          <Alert tone="info" title="Restored from this device">
            The amendment you were writing here is back on the page. Save it, or cancel it.
          </Alert>
        </div>
      ) : null}
      <ScorecardForm
        kit={kit}
        content={content}
        update={amending ? update : null}
        issues={attempted ? issues : []}
        now={now}
      >
        {amending && attempted ? (
          <IssueList
            issues={issues}
            content={amending.content}
            action="save the amendment"
            headingRef={issuesHeading}
          />
        ) : null}
        {amending ? null : <PanelFeedback kit={kit} />}
      </ScorecardForm>
      {amending ? (
        <ScorecardBar label="Amendment">
          <span className="scorecard-bar__progress">Amending: changes are kept on this device until you save.</span>
          {failure ? (
            <span className="scorecard-bar__error" role="alert">
              {failure}
            </span>
          ) : null}
          <button type="button" className="button button--secondary" onClick={cancel} disabled={saving}>
            Cancel amendment
          </button>
          <button
            type="button"
            className="button button--primary scorecard-bar__action"
            onClick={() => void save()}
            disabled={saving}
          >
            {saving ? 'Saving…' : 'Save amendment'}
          </button>
        </ScorecardBar>
      ) : null}
      <AmendDialog open={dialogOpen} onClose={() => setDialogOpen(false)} onStart={start} />
      <ContradictionDialog
        message={contradiction}
        confirmLabel="Save the amendment anyway"
        onCancel={() => setContradiction(null)}
        onConfirm={() => void save(true)}
      />
    </>
  );
}
