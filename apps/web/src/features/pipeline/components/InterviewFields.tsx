import type { Person, PersonRef } from '@scorecard/contracts';
import { useId } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Field } from '../../../components/ui/Field';
import { formatDateTime } from '../interview-copy';
import { defaultDueAt, fromInputs, type InterviewFormInput } from '../interview-form';

/** Either dialog's form: the same fields, different outputs. */
type Form<O> = UseFormReturn<InterviewFormInput, unknown, O>;

type InterviewerFieldProps<O> = {
  form: Form<O>;
  people: readonly Person[];
  /** The plan step's default interviewers, listed first. */
  preferredIds: readonly string[];
  /** Someone who must stay choosable although no longer active (the current interviewer). */
  current?: PersonRef | undefined;
  label?: string;
  hint?: string | undefined;
  autoFocus?: boolean;
  onPicked?: () => void;
};

/** The interviewer: the step's default interviewers first, then everyone active. */
export function InterviewerField<O>({
  form,
  people,
  preferredIds,
  current,
  label = 'Interviewer',
  hint,
  autoFocus = false,
  onPicked,
}: InterviewerFieldProps<O>) {
  const preferred = preferredIds
    .map((id) => people.find((p) => p.id === id))
    .filter((p): p is Person => p !== undefined);
  const others = people.filter((p) => !preferredIds.includes(p.id));
  const missing = current && !people.some((p) => p.id === current.id) ? current : null;
  const option = (p: Person) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  );
  const field = form.register('interviewerId', { onChange: onPicked });
  return (
    <Field label={label} error={form.formState.errors.interviewerId?.message} hint={hint}>
      {(control) => (
        <select {...control} {...field} className="select" autoFocus={autoFocus}>
          <option value="">Choose an interviewer</option>
          {missing ? <option value={missing.id}>{missing.name} (no longer active)</option> : null}
          {preferred.length > 0 ? (
            <>
              <optgroup label="Default for this step">{preferred.map(option)}</optgroup>
              <optgroup label="Everyone else">{others.map(option)}</optgroup>
            </>
          ) : (
            others.map(option)
          )}
        </select>
      )}
    </Field>
  );
}

/** Date, start time and duration, side by side. */
export function WhenFields<O>({ form, onDurationEdited }: { form: Form<O>; onDurationEdited?: () => void }) {
  const { errors } = form.formState;
  return (
    <div className="interview-form__when">
      <Field label="Date" error={errors.startDate?.message}>
        {(control) => <input {...control} {...form.register('startDate')} className="input" type="date" required />}
      </Field>
      <Field label="Start time" error={errors.startTime?.message}>
        {(control) => (
          <input {...control} {...form.register('startTime')} className="input" type="time" step={300} required />
        )}
      </Field>
      <Field label="Duration (minutes)" error={errors.durationMinutes?.message}>
        {(control) => (
          <input
            {...control}
            {...form.register('durationMinutes', { onChange: onDurationEdited })}
            className="input"
            type="number"
            inputMode="numeric"
            min={10}
            max={480}
            step={5}
          />
        )}
      </Field>
    </div>
  );
}

/** When feedback is due: 24 hours after the end (shown as a time), or a time the person sets. */
export function DueField<O>({ form }: { form: Form<O> }) {
  const id = useId();
  const { errors } = form.formState;
  const [startDate, startTime, duration, mode] = useWatch({
    control: form.control,
    name: ['startDate', 'startTime', 'durationMinutes', 'dueMode'],
  });
  const startsAt = fromInputs(startDate, startTime);
  const minutes = Number(duration);
  const computed =
    startsAt && Number.isInteger(minutes) && minutes > 0 ? formatDateTime(defaultDueAt(startsAt, minutes)) : null;
  const modeError = errors.dueMode?.message;
  return (
    <fieldset className="interview-form__due" aria-describedby={modeError ? `${id}-error` : undefined}>
      <legend className="field__label">Feedback due</legend>
      <label className="interview-form__choice">
        <input {...form.register('dueMode')} type="radio" value="default" className="radio" />
        <span>
          24 hours after the end
          {computed ? (
            <>
              : <strong>{computed}</strong>
            </>
          ) : null}
        </span>
      </label>
      <label className="interview-form__choice">
        <input {...form.register('dueMode')} type="radio" value="custom" className="radio" />
        <span>A different time</span>
      </label>
      {mode === 'custom' ? (
        <div className="interview-form__due-time">
          <Field label="Due date" error={errors.dueDate?.message}>
            {(control) => <input {...control} {...form.register('dueDate')} className="input" type="date" />}
          </Field>
          <Field label="Due time" error={errors.dueTime?.message}>
            {(control) => <input {...control} {...form.register('dueTime')} className="input" type="time" step={300} />}
          </Field>
        </div>
      ) : null}
      {modeError ? (
        <p id={`${id}-error`} className="field__error">
          {modeError}
        </p>
      ) : null}
    </fieldset>
  );
}
