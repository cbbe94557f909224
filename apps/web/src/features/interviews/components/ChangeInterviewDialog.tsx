import { zodResolver } from '@hookform/resolvers/zod';
import type { Application, Interview, Person, PlanStep } from '@scorecard/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useUpdateInterview } from '../api/interview-mutations';
import { usePeople, usePlanSteps } from '../api/interview-queries';
import { interviewErrorMessage, isConflict } from '../interview-copy';
import {
  ChangeFormSchema,
  changeFormValues,
  toChangeRequest,
  type ChangeFormOutput,
  type InterviewFormInput,
} from '../interview-form';
import { DueField, InterviewerField, TimeZoneField, WhenFields, WhereFields } from './InterviewFields';
import { placeServerErrors, SubmitFailure } from './interview-errors';

type ChangeInterviewDialogProps = {
  application: Application;
  /** The interview being changed; null while the dialog is closed. */
  interview: Interview | null;
  onClose: () => void;
  onChanged: (interview: Interview) => void;
  /** Someone changed it first, or it can no longer change: the dialog closes with this sentence. */
  onConflict: (message: string) => void;
};

/** Reschedules and/or reassigns one interview. */
export function ChangeInterviewDialog(props: ChangeInterviewDialogProps) {
  const { interview } = props;
  return (
    <Dialog
      open={interview !== null}
      onClose={props.onClose}
      title={interview ? `Reschedule or reassign: ${interview.step.name}` : 'Reschedule or reassign'}
      description={
        interview ? (
          <p>
            Reassigning gives the new interviewer a fresh, empty scorecard. {interview.interviewer.name}’s draft is set
            aside, and the history of who was assigned is kept.
          </p>
        ) : undefined
      }
    >
      {interview ? <ChangeBody {...props} interview={interview} /> : null}
    </Dialog>
  );
}

function ChangeBody(props: ChangeInterviewDialogProps & { interview: Interview }) {
  const steps = usePlanSteps(props.application.opening.id);
  const people = usePeople();
  if (people.isPending || steps.isPending) return <LoadingState label="Loading interviewers…" />;
  if (people.isError) {
    return (
      <ErrorState
        title="Couldn’t load the interviewers"
        error={people.error}
        onRetry={() => void people.refetch()}
        retrying={people.isFetching}
      />
    );
  }
  // The plan is only a convenience here (default interviewers first): do without it if it fails.
  const step = steps.data?.find((s) => s.key === props.interview.step.key);
  return <ChangeForm {...props} people={people.data} step={step} />;
}

type ChangeFormProps = ChangeInterviewDialogProps & {
  interview: Interview;
  people: readonly Person[];
  step: PlanStep | undefined;
};

function ChangeForm({ application, interview, people, step, onClose, onChanged, onConflict }: ChangeFormProps) {
  const update = useUpdateInterview({ applicationId: application.id, openingId: application.opening.id });
  const [unchanged, setUnchanged] = useState(false);
  const form = useForm<InterviewFormInput, unknown, ChangeFormOutput>({
    resolver: zodResolver(ChangeFormSchema),
    defaultValues: changeFormValues(interview),
  });
  const chosenId = form.watch('interviewerId');
  const newcomer = chosenId !== interview.interviewer.id ? people.find((p) => p.id === chosenId) : undefined;

  const onSubmit = form.handleSubmit((values) => {
    const body = toChangeRequest(interview, values);
    setUnchanged(body === null);
    if (!body) return;
    update.mutate(
      { id: interview.id, body },
      {
        onSuccess: onChanged,
        onError: (error) => {
          if (isConflict(error)) onConflict(interviewErrorMessage(error));
          else placeServerErrors(error, form);
        },
      },
    );
  });

  return (
    <form className="form interview-form" onSubmit={onSubmit} noValidate aria-label="Reschedule or reassign">
      <SubmitFailure error={update.error} title="The interview wasn’t changed" onDismiss={() => update.reset()} />
      {unchanged ? (
        <Alert tone="info" onDismiss={() => setUnchanged(false)}>
          Nothing has changed yet. Choose another interviewer or time, or close this dialog.
        </Alert>
      ) : null}
      <InterviewerField
        form={form}
        people={people}
        preferredIds={step?.interviewerIds ?? []}
        current={interview.interviewer}
        autoFocus
        hint={
          newcomer
            ? `${newcomer.name} gets a fresh scorecard; ${interview.interviewer.name} is no longer asked for feedback.`
            : `Now ${interview.interviewer.name}.`
        }
      />
      <WhenFields form={form} />
      <TimeZoneField form={form} />
      <WhereFields form={form} />
      <DueField form={form} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
