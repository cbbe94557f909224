import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import {
  EMAIL_KIND_LABELS,
  OPTIONAL_EMAIL_DESCRIPTIONS,
  OPTIONAL_EMAIL_KINDS,
  OptionalEmailKind,
  TimeZone,
  type Preferences,
} from '@scorecard/contracts';
import { Alert, NoticeSlot, type Notice } from '@/components/ui/Alert';
import { Field, FormSection } from '@/components/ui/Field';
import { errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useUpdatePreferences } from '../api/preferences-queries';
import { browserTimeZone, timeZoneOptions, zoneLabel } from '../time-zones';

const PreferencesFormSchema = z.object({
  timeZone: TimeZone,
  emails: z.record(OptionalEmailKind, z.boolean()),
});
type PreferencesFormValues = z.infer<typeof PreferencesFormSchema>;

/** Your time zone and the optional emails you get; saved together. */
export function PreferencesForm({ saved, role }: { saved: Preferences; role: string }) {
  const update = useUpdatePreferences();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<PreferencesFormValues>({
    resolver: zodResolver(PreferencesFormSchema),
    defaultValues: saved,
  });
  const { register, formState, setValue, watch } = form;
  const browserZone = browserTimeZone();
  const chosen = watch('timeZone');
  const [zones] = useState(() => timeZoneOptions([saved.timeZone, browserZone]));
  const hiring = role === 'hiring_manager' || role === 'admin';

  const submit = form.handleSubmit(async (values) => {
    setNotice(null);
    setFailure(null);
    try {
      const result = await update.mutateAsync(values);
      form.reset(result);
      setNotice('Your notification settings are saved.');
    } catch (error) {
      if (!applyServerFieldErrors(error, form.setError, ['timeZone'])) setFailure(error);
    }
  });

  return (
    <form className="form preferences-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Your notifications">
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {failure ? (
        <Alert title="Not saved" onDismiss={() => setFailure(null)}>
          <p>{errorMessage(failure)}</p>
        </Alert>
      ) : null}
      <FormSection
        title="Time zone"
        description="Emails show times in this zone, and the daily digest arrives at 08:00 here."
      >
        <Field
          label="Your time zone"
          error={formState.errors.timeZone?.message}
          hint={
            chosen === browserZone ? (
              'This is the time zone your browser is set to.'
            ) : (
              <span className="preferences-form__browser-zone">
                Your browser is set to {zoneLabel(browserZone)}.{' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setValue('timeZone', browserZone, { shouldDirty: true, shouldValidate: true })}
                >
                  Use {browserZone.replace(/_/g, ' ')}
                </button>
              </span>
            )
          }
        >
          {(control) => (
            <select className="select" {...control} {...register('timeZone')}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FormSection>
      <FormSection
        title="Emails"
        description="Invitations and password resets are always sent: they are how you get into Scorecard. Every other email has an unsubscribe link."
      >
        <fieldset className="preferences-form__emails">
          <legend className="field__label">Send me</legend>
          {OPTIONAL_EMAIL_KINDS.map((kind) => {
            const id = `email-${kind}`;
            return (
              <div key={kind} className="preferences-form__email">
                <input
                  id={id}
                  type="checkbox"
                  className="checkbox"
                  aria-describedby={`${id}-description`}
                  {...register(`emails.${kind}`)}
                />
                <div>
                  <label htmlFor={id} className="preferences-form__email-label">
                    {EMAIL_KIND_LABELS[kind]}
                  </label>
                  <p id={`${id}-description`} className="field__hint">
                    {OPTIONAL_EMAIL_DESCRIPTIONS[kind]}
                    {kind === 'digest' && !hiring
                      ? ' You get it once you are the hiring manager of an open opening.'
                      : ''}
                  </p>
                </div>
              </div>
            );
          })}
        </fieldset>
      </FormSection>
      <div className="form__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={!formState.isDirty || formState.isSubmitting}
          onClick={() => {
            form.reset(saved);
            setNotice(null);
          }}
        >
          Undo changes
        </button>
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
