import type { Person, PersonRef } from '@scorecard/contracts';
import { useId, useMemo, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Field } from '@/components/ui/Field';
import { formatDateTime } from '../interview-copy';
import { defaultDueAt, type InterviewFormInput } from '../interview-form';
import { browserTimeZone, formatInZone, timeZoneOptions, zonedInstant } from '../time-zone';
import '../interviews.css';

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

/**
 * The interviewer: the step's interviewer pool first; everyone else in the organization only behind
 * "Anyone" (a checkbox), so the usual choice is the short list.
 */
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
  const chosen = form.getValues('interviewerId');
  const [anyone, setAnyone] = useState(
    () =>
      preferred.length === 0 || (chosen !== '' && !preferred.some((p) => p.id === chosen) && chosen !== missing?.id),
  );
  const checkboxId = useId();
  const option = (p: Person) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  );
  const field = form.register('interviewerId', { onChange: onPicked });
  return (
    <div className="interview-form__interviewer">
      <Field label={label} error={form.formState.errors.interviewerId?.message} hint={hint}>
        {(control) => (
          <select {...control} {...field} className="select" autoFocus={autoFocus}>
            <option value="">Choose an interviewer</option>
            {missing ? <option value={missing.id}>{missing.name} (no longer active)</option> : null}
            {preferred.length > 0 ? (
              <>
                <optgroup label="This step’s interviewers">{preferred.map(option)}</optgroup>
                {anyone ? <optgroup label="Anyone">{others.map(option)}</optgroup> : null}
              </>
            ) : (
              others.map(option)
            )}
          </select>
        )}
      </Field>
      {preferred.length > 0 && others.length > 0 ? (
        <label className="interview-form__choice" htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            className="checkbox"
            checked={anyone}
            onChange={(e) => {
              setAnyone(e.target.checked);
              const value = form.getValues('interviewerId');
              if (!e.target.checked && value !== '' && !preferred.some((p) => p.id === value)) {
                form.setValue('interviewerId', preferred[0]!.id);
              }
            }}
          />
          <span>Anyone: also list the {others.length} other people of the organization</span>
        </label>
      ) : null}
    </div>
  );
}

/**
 * The interviewer's time zone: the date and time above are read in it, and the interview is shown
 * in it beside the reader's own time when the two differ.
 */
export function TimeZoneField<O>({ form }: { form: Form<O> }) {
  const [zone, startDate, startTime] = useWatch({
    control: form.control,
    name: ['timeZone', 'startDate', 'startTime'],
  });
  const mine = browserTimeZone();
  const zones = useMemo(() => timeZoneOptions([mine, zone]), [mine, zone]);
  const startsAt = zone ? zonedInstant(startDate, startTime, zone) : null;
  const hint =
    startsAt && zone !== mine
      ? `${formatInZone(startsAt, zone)} is ${formatInZone(startsAt, mine)} for you.`
      : 'The interviewer’s time zone; the date and time above are in it.';
  return (
    <Field label="Time zone" error={form.formState.errors.timeZone?.message} hint={hint}>
      {(control) => (
        <select {...control} {...form.register('timeZone')} className="select">
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
              {z === mine ? ' (yours)' : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Where: a room or address, and/or a video link (completed with https:// when typed without). */
export function WhereFields<O>({ form }: { form: Form<O> }) {
  const { errors } = form.formState;
  return (
    <div className="interview-form__where">
      <Field label="Location (optional)" error={errors.location?.message} hint="A room or an address.">
        {(control) => (
          <input {...control} {...form.register('location')} className="input" maxLength={300} autoComplete="off" />
        )}
      </Field>
      <Field
        label="Video link (optional)"
        error={errors.videoLink?.message}
        hint="For example meet.example.com/abc; https:// is added."
      >
        {(control) => (
          <input
            {...control}
            {...form.register('videoLink')}
            className="input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
    </div>
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
  const [startDate, startTime, duration, mode, zone] = useWatch({
    control: form.control,
    name: ['startDate', 'startTime', 'durationMinutes', 'dueMode', 'timeZone'],
  });
  const startsAt = zone ? zonedInstant(startDate, startTime, zone) : null;
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
