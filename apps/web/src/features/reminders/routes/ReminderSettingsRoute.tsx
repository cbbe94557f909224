import { zodResolver } from '@hookform/resolvers/zod';
import { REMINDER_LIMITS, type ReminderSettings, UpdateReminderSettingsRequest } from '@scorecard/contracts';
import { describeReminderPolicy } from '@scorecard/domain';
import { useState } from 'react';
import { useForm, useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import { z } from 'zod';
import { Alert, NoticeSlot, type Notice } from '@/components/ui/Alert';
import { Field, FormSection } from '@/components/ui/Field';
import { SettingsPage } from '@/components/ui/SettingsPage';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useReminderSettings, useUpdateReminderSettings } from '../api/reminder-settings';
import '../reminders.css';

/** The form: every setting required, with the contract's own rules and messages. */
const shape = UpdateReminderSettingsRequest.shape;
const ReminderSettingsForm = z.object({
  firstHours: shape.firstHours.unwrap(),
  repeatHours: shape.repeatHours.unwrap(),
  escalateAfter: shape.escalateAfter.unwrap(),
  remindInterviewers: shape.remindInterviewers.unwrap(),
  escalateToHiringManager: shape.escalateToHiringManager.unwrap(),
  escalateToRecruiter: shape.escalateToRecruiter.unwrap(),
});
type ReminderSettingsForm = z.infer<typeof ReminderSettingsForm>;
const FIELDS = [
  'firstHours',
  'repeatHours',
  'escalateAfter',
  'remindInterviewers',
  'escalateToHiringManager',
  'escalateToRecruiter',
] as const;

/** Settings → Scorecard reminders: when reminders go out and to whom (admins change it; others read it). */
export default function ReminderSettingsRoute() {
  return (
    <SettingsPage
      title="Scorecard reminders"
      description="When interviewers are reminded of a scorecard they have not submitted, and who is told when it stays overdue."
      noun="the reminder settings"
      settings={useReminderSettings()}
      editor={(saved) => <ReminderSettingsEditor saved={saved} />}
      summary={(saved) => <p className="reminder-preview__text">{describeReminderPolicy(saved)}</p>}
      summaryClassName="reminder-settings"
    />
  );
}

function ReminderSettingsEditor({ saved }: { saved: ReminderSettings }) {
  const update = useUpdateReminderSettings();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<ReminderSettingsForm>({
    resolver: zodResolver(ReminderSettingsForm),
    defaultValues: saved,
    mode: 'onTouched',
  });
  const { errors, isDirty } = form.formState;
  const values = useWatch({ control: form.control });
  const preview = ReminderSettingsForm.safeParse(values);

  const onSubmit = form.handleSubmit((body) => {
    setNotice(null);
    update.mutate(body, {
      onSuccess: (next) => {
        form.reset(next);
        setNotice('Reminder settings saved. They apply to every overdue scorecard from the next minute on.');
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, FIELDS);
      },
    });
  });

  const showFormError = update.isError && !(update.error instanceof ApiError && update.error.fieldErrors.length > 0);
  const hours = (name: 'firstHours' | 'repeatHours' | 'escalateAfter') => form.register(name, { valueAsNumber: true });

  return (
    <form className="form panel reminder-settings" onSubmit={onSubmit} noValidate aria-label="Scorecard reminders">
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {showFormError ? <Alert title="The settings weren’t saved">{errorMessage(update.error)}</Alert> : null}
      <FormSection
        title="Schedule"
        description="Counted from the END of the interview, never before it. Steps are never sent twice, and after a pause only the latest due step goes out."
      >
        <NumberField
          label="First reminder"
          unit="hours after the interview ends"
          limits={REMINDER_LIMITS.firstHours}
          error={errors.firstHours?.message}
          registration={hours('firstHours')}
        />
        <NumberField
          label="Repeat every"
          unit="hours"
          limits={REMINDER_LIMITS.repeatHours}
          error={errors.repeatHours?.message}
          registration={hours('repeatHours')}
        />
        <NumberField
          label="Escalate after"
          unit="reminders to the interviewer"
          limits={REMINDER_LIMITS.escalateAfter}
          error={errors.escalateAfter?.message}
          registration={hours('escalateAfter')}
        />
      </FormSection>
      <FormSection
        title="Who is told"
        description="A step whose audience is switched off is skipped; the other steps keep their times."
      >
        <Switch
          label="Remind the interviewer"
          hint="Emails the interviewer who owes the scorecard."
          registration={form.register('remindInterviewers')}
        />
        <Switch
          label="Then tell the hiring manager"
          hint="One email to the opening’s hiring manager after the reminders."
          registration={form.register('escalateToHiringManager')}
        />
        <Switch
          label="Then tell the recruiter"
          hint="One email to the opening’s recruiter, one step after the hiring manager."
          registration={form.register('escalateToRecruiter')}
        />
      </FormSection>
      <section className="reminder-preview" aria-labelledby="reminder-preview-title">
        <h2 id="reminder-preview-title" className="form-section__title">
          In plain words
        </h2>
        <p className="reminder-preview__text" aria-live="polite">
          {preview.success ? describeReminderPolicy(preview.data) : 'Fix the fields above to see the schedule.'}
        </p>
      </section>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => form.reset(saved)}
          disabled={!isDirty || update.isPending}
        >
          Undo changes
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </button>
      </div>
    </form>
  );
}

function NumberField({
  label,
  unit,
  limits,
  error,
  registration,
}: {
  label: string;
  unit: string;
  limits: { min: number; max: number };
  error: string | undefined;
  registration: UseFormRegisterReturn;
}) {
  return (
    <Field label={label} error={error} hint={`From ${limits.min} to ${limits.max}.`}>
      {(control) => (
        <div className="input-with-unit">
          <input
            {...control}
            {...registration}
            // The unit beside the field is read with it.
            aria-describedby={[`${control.id}-unit`, control['aria-describedby']].filter(Boolean).join(' ')}
            className="input input--narrow"
            type="number"
            inputMode="numeric"
            min={limits.min}
            max={limits.max}
            step={1}
          />
          <span id={`${control.id}-unit`} className="input-with-unit__unit">
            {unit}
          </span>
        </div>
      )}
    </Field>
  );
}

/** A checkbox presented as an on/off switch (role=switch), with its label and hint. */
function Switch({ label, hint, registration }: { label: string; hint: string; registration: UseFormRegisterReturn }) {
  const id = `switch-${registration.name}`;
  return (
    <div className="check-field">
      <input
        {...registration}
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        aria-describedby={`${id}-hint`}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      </div>
    </div>
  );
}
