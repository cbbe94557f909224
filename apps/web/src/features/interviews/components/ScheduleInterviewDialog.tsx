import { zodResolver } from '@hookform/resolvers/zod';
import type { Application, Interview, Person, PlanStep } from '@scorecard/contracts';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { useScheduleInterview } from '../api/interview-mutations';
import { usePeople, usePlanSteps } from '../api/interview-queries';
import { formatDuration } from '../interview-copy';
import { browserTimeZone } from '../time-zone';
import {
  ScheduleFormSchema,
  dateInputValue,
  nextWorkingDayAt10,
  timeInputValue,
  toScheduleRequest,
  type InterviewFormInput,
  type ScheduleFormOutput,
} from '../interview-form';
import { DueField, InterviewerField, TimeZoneField, WhenFields, WhereFields } from './InterviewFields';
import { placeServerErrors, SubmitFailure } from './interview-errors';

type ScheduleInterviewDialogProps = {
  open: boolean;
  application: Application;
  /** The application's interviews, to mark steps that already have one. */
  interviews: readonly Interview[];
  /** A competency that needs more evidence: the first step asking it is chosen, and such steps are marked. */
  competencyKey?: string | null;
  onClose: () => void;
  onScheduled: (interview: Interview) => void;
};

export function ScheduleInterviewDialog(props: ScheduleInterviewDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title="Schedule interview"
      description={`${props.application.candidate.name} for ${props.application.opening.title}. The interviewer gets an empty scorecard to fill in.`}
    >
      <ScheduleBody {...props} />
    </Dialog>
  );
}

function ScheduleBody({ application, interviews, competencyKey, onClose, onScheduled }: ScheduleInterviewDialogProps) {
  const steps = usePlanSteps(application.opening.id);
  const people = usePeople();
  if (steps.isPending || people.isPending) return <LoadingState label="Loading the plan and interviewers…" />;
  if (steps.isError || people.isError) {
    return (
      <ErrorState
        title="Couldn’t load the interview plan"
        error={steps.error ?? people.error}
        onRetry={() => {
          if (steps.isError) void steps.refetch();
          if (people.isError) void people.refetch();
        }}
        retrying={steps.isFetching || people.isFetching}
      />
    );
  }
  if (steps.data.length === 0) {
    return (
      <>
        <Alert tone="info" title="This opening has no interview plan yet">
          Interviews are scheduled from the steps of the plan.{' '}
          <Link to={`/openings/${application.opening.id}`}>Add steps to the plan</Link> first.
        </Alert>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </>
    );
  }
  return (
    <ScheduleForm
      application={application}
      steps={steps.data}
      people={people.data}
      interviews={interviews}
      competencyKey={competencyKey ?? null}
      onClose={onClose}
      onScheduled={onScheduled}
    />
  );
}

type ScheduleFormProps = {
  application: Application;
  steps: readonly PlanStep[];
  people: readonly Person[];
  interviews: readonly Interview[];
  competencyKey: string | null;
  onClose: () => void;
  onScheduled: (interview: Interview) => void;
};

function firstActive(ids: readonly string[], people: readonly Person[]): string {
  return ids.find((id) => people.some((p) => p.id === id)) ?? '';
}

function ScheduleForm({
  application,
  steps,
  people,
  interviews,
  competencyKey,
  onClose,
  onScheduled,
}: ScheduleFormProps) {
  const schedule = useScheduleInterview({ applicationId: application.id, openingId: application.opening.id });
  const scheduled = new Set(interviews.filter((i) => i.status === 'scheduled').map((i) => i.step.key));
  const asks = (s: PlanStep) => competencyKey !== null && s.focusCompetencyKeys.includes(competencyKey);
  const asking = steps.filter(asks);
  const firstStep = asking[0] ?? steps.find((s) => !scheduled.has(s.key)) ?? steps[0]!;
  const start = nextWorkingDayAt10(new Date());
  const form = useForm<InterviewFormInput, unknown, ScheduleFormOutput>({
    resolver: zodResolver(ScheduleFormSchema),
    defaultValues: {
      stepKey: firstStep.key,
      interviewerId: firstActive(firstStep.interviewerIds, people),
      startDate: dateInputValue(start),
      startTime: timeInputValue(start),
      durationMinutes: String(firstStep.durationMinutes),
      dueMode: 'default',
      dueDate: '',
      dueTime: '',
      timeZone: browserTimeZone(),
      location: '',
      videoLink: '',
    },
  });
  // A step brings its duration and default interviewer, unless the person already chose their own.
  const chosen = useRef({ interviewer: false, duration: false });
  const step = steps.find((s) => s.key === form.watch('stepKey'));

  const onStepChange = (key: string) => {
    const next = steps.find((s) => s.key === key);
    if (!next) return;
    if (!chosen.current.duration) form.setValue('durationMinutes', String(next.durationMinutes));
    if (!chosen.current.interviewer) form.setValue('interviewerId', firstActive(next.interviewerIds, people));
  };

  const onSubmit = form.handleSubmit((values) => {
    schedule.mutate(toScheduleRequest(values), {
      onSuccess: onScheduled,
      onError: (error) => placeServerErrors(error, form),
    });
  });

  const { errors } = form.formState;
  const stepField = form.register('stepKey', {
    onChange: (e: { target: { value: string } }) => onStepChange(e.target.value),
  });
  return (
    <form className="form interview-form" onSubmit={onSubmit} noValidate aria-label="Schedule interview">
      <SubmitFailure error={schedule.error} title="The interview wasn’t scheduled" onDismiss={() => schedule.reset()} />
      {competencyKey !== null ? (
        <Alert tone="info" title="More evidence for a competency">
          {asking.length > 0
            ? 'The debrief found too few independent ratings of a competency. The steps that ask it are marked “asks it”; the first is chosen.'
            : 'No step of the plan asks this competency yet: add it to a step of the plan, or pick the closest step.'}
        </Alert>
      ) : null}
      <Field
        label="Plan step"
        error={errors.stepKey?.message}
        hint={step ? `${formatDuration(step.durationMinutes)} in the plan.` : undefined}
      >
        {(control) => (
          <select {...control} {...stepField} className="select" autoFocus>
            {steps.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
                {scheduled.has(s.key) ? ' (scheduled)' : ''}
                {asks(s) ? ' (asks it)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <InterviewerField
        form={form}
        people={people}
        preferredIds={step?.interviewerIds ?? []}
        onPicked={() => (chosen.current.interviewer = true)}
      />
      <WhenFields form={form} onDurationEdited={() => (chosen.current.duration = true)} />
      <TimeZoneField form={form} />
      <WhereFields form={form} />
      <DueField form={form} />
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={schedule.isPending}>
          {schedule.isPending ? 'Scheduling…' : 'Schedule interview'}
        </button>
      </div>
    </form>
  );
}
