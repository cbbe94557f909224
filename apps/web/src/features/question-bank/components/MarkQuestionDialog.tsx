import { QUESTION_MARK_LABELS, type MarkQuestionResult, type QuestionMarkKind } from '@scorecard/contracts';
import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { errorMessage } from '@/lib/api';
import { useMarkQuestion } from '../api/question-bank';

const NOTE_MAX = 500;

export type MarkTarget = { criterionKey: string; title: string; kind: QuestionMarkKind; inDraft: boolean | null };

const EXPLAIN: Record<QuestionMarkKind, string> = {
  retired: 'Retiring it records why, and takes it out of the rubric’s draft so the next version no longer asks it.',
  possibly_leaked:
    'Marking it possibly leaked records that candidates may know it in advance, and takes it out of the rubric’s draft so the next version no longer asks it.',
};

/**
 * Confirms a mark on one question, with an optional note. The versions already published keep the
 * question (scorecards point at them); only the draft changes, and publishing it stays a choice.
 */
export function MarkQuestionDialog({
  rubricId,
  target,
  onClose,
  onMarked,
}: {
  rubricId: string;
  target: MarkTarget | null;
  onClose: () => void;
  onMarked: (result: MarkQuestionResult, target: MarkTarget) => void;
}) {
  const mark = useMarkQuestion(rubricId);
  const [note, setNote] = useState('');
  const tooLong = note.trim().length > NOTE_MAX;
  const close = () => {
    mark.reset();
    setNote('');
    onClose();
  };
  const verb = target?.kind === 'retired' ? 'Retire' : 'Mark as possibly leaked';

  return (
    <Dialog
      open={target !== null}
      onClose={close}
      role="alertdialog"
      title={target ? `${verb}: “${target.title}”?` : ''}
      description={
        target ? (
          <>
            <p>{EXPLAIN[target.kind]}</p>
            <p>
              {target.inDraft === false
                ? 'The draft no longer has this question, so only the mark is recorded.'
                : 'Published versions stay as they are. Publish the draft when it’s ready.'}
            </p>
          </>
        ) : null
      }
    >
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!target || tooLong) return;
          mark.mutate(
            { criterionKey: target.criterionKey, kind: target.kind, note: note.trim() },
            {
              onSuccess: (result) => {
                setNote('');
                onMarked(result, target);
              },
            },
          );
        }}
      >
        <Field
          label="Note (optional)"
          hint={`What you saw, for whoever reads the mark later. At most ${NOTE_MAX} characters.`}
          error={tooLong ? `Use at most ${NOTE_MAX} characters (now ${note.trim().length}).` : undefined}
        >
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              name="note"
            />
          )}
        </Field>
        {mark.isError ? (
          <Alert title={target ? `Couldn’t ${target.kind === 'retired' ? 'retire' : 'mark'} the question` : undefined}>
            {errorMessage(mark.error)}
          </Alert>
        ) : null}
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={mark.isPending}>
            {mark.isPending
              ? 'Saving…'
              : target
                ? target.kind === 'retired'
                  ? 'Retire question'
                  : `Mark ${QUESTION_MARK_LABELS.possibly_leaked.toLowerCase()}`
                : ''}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
