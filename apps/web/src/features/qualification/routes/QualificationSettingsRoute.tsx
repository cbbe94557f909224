import { zodResolver } from '@hookform/resolvers/zod';
import {
  QUALIFICATION_LIMITS,
  type QualificationSettings,
  UpdateQualificationSettingsRequest,
} from '@scorecard/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert, NoticeSlot, type Notice } from '@/components/ui/Alert';
import { Field, FormSection } from '@/components/ui/Field';
import { SettingsPage } from '@/components/ui/SettingsPage';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useQualificationSettings, useUpdateQualificationSettings } from '../api/qualification';
import '../qualification.css';

/** The form: every setting required, with the contract's own rules and messages. */
const shape = UpdateQualificationSettingsRequest.shape;
const SettingsForm = z.object({
  shadowSessions: shape.shadowSessions.unwrap(),
  reverseShadowSessions: shape.reverseShadowSessions.unwrap(),
  needsCalibration: shape.needsCalibration.unwrap(),
  newInterviewersShadow: shape.newInterviewersShadow.unwrap(),
});
type SettingsForm = z.infer<typeof SettingsForm>;
const FIELDS = ['shadowSessions', 'reverseShadowSessions', 'needsCalibration', 'newInterviewersShadow'] as const;

/** The settings in one plain paragraph, for those who read them (and as the editor's preview). */
export function describeQualification(s: Omit<QualificationSettings, 'newInterviewersShadowSince'>): string {
  const sessions = (n: number, what: string) => `${n} ${what} ${n === 1 ? 'session' : 'sessions'}`;
  return [
    `An interviewer in training shadows a qualified interviewer for ${sessions(s.shadowSessions, 'shadow')}, then leads ${sessions(s.reverseShadowSessions, 'reverse-shadow')} while a qualified interviewer observes.`,
    s.needsCalibration
      ? 'To qualify they also pass the calibration check: their offset’s 95% interval within ±0.5 on 10 or more units.'
      : 'No calibration check is needed to qualify.',
    'A hiring manager approves each step.',
    s.newInterviewersShadow
      ? 'New members start shadowing every competency; everyone who was here before stays qualified.'
      : 'New members are qualified from the start; an admin can start anyone’s training.',
  ].join(' ');
}

/** Settings → Interviewer qualification: admins change it, everyone else reads it. */
export default function QualificationSettingsRoute() {
  return (
    <SettingsPage
      title="Interviewer qualification"
      description="How interviewers in training move from shadowing to reverse shadowing to qualified, per competency. Shadow scorecards are kept and shown, and count in no figure."
      noun="the qualification settings"
      settings={useQualificationSettings()}
      editor={(saved) => <SettingsEditor saved={saved} />}
      summary={(saved) => <p>{describeQualification(saved)}</p>}
    />
  );
}

function SettingsEditor({ saved }: { saved: QualificationSettings }) {
  const update = useUpdateQualificationSettings();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<SettingsForm>({ resolver: zodResolver(SettingsForm), defaultValues: saved, mode: 'onTouched' });
  const { errors, isDirty } = form.formState;

  const onSubmit = form.handleSubmit((body) => {
    setNotice(null);
    update.mutate(body, {
      onSuccess: (next) => {
        form.reset(next);
        setNotice('Qualification settings saved. Everyone’s progress is read against them from now on.');
      },
      onError: (error) => applyServerFieldErrors(error, form.setError, FIELDS),
    });
  });
  const showFormError = update.isError && !(update.error instanceof ApiError && update.error.fieldErrors.length > 0);
  const limits = QUALIFICATION_LIMITS.sessions;

  return (
    <form
      className="form panel qualification-settings"
      onSubmit={onSubmit}
      noValidate
      aria-label="Interviewer qualification"
    >
      <NoticeSlot notice={notice} onDismiss={() => setNotice(null)} />
      {showFormError ? <Alert title="The settings weren’t saved">{errorMessage(update.error)}</Alert> : null}
      <FormSection
        title="Sessions before each step"
        description="Counted per competency: a session counts for every competency its plan step focuses on."
      >
        <Field
          label="Shadow sessions"
          error={errors.shadowSessions?.message}
          hint={`From ${limits.min} to ${limits.max}. Before reverse shadowing.`}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('shadowSessions', { valueAsNumber: true })}
              className="input input--narrow"
              type="number"
              inputMode="numeric"
              min={limits.min}
              max={limits.max}
              step={1}
            />
          )}
        </Field>
        <Field
          label="Reverse-shadow sessions"
          error={errors.reverseShadowSessions?.message}
          hint={`From ${limits.min} to ${limits.max}. Before qualified.`}
        >
          {(control) => (
            <input
              {...control}
              {...form.register('reverseShadowSessions', { valueAsNumber: true })}
              className="input input--narrow"
              type="number"
              inputMode="numeric"
              min={limits.min}
              max={limits.max}
              step={1}
            />
          )}
        </Field>
      </FormSection>
      <FormSection title="Rules" description="A hiring manager approves every promotion, whatever these say.">
        <Switch
          name="needsCalibration"
          label="Qualifying needs the calibration check"
          hint="Their offset from the rest of the panel, on 10 or more rated units, with its 95% interval within ±0.5 rating points."
          registration={form.register('needsCalibration')}
        />
        <Switch
          name="newInterviewersShadow"
          label="New interviewers start shadowing"
          hint={
            saved.newInterviewersShadowSince
              ? `Members added since ${new Date(saved.newInterviewersShadowSince).toLocaleDateString()} start shadowing every competency. Everyone else stays qualified.`
              : 'Members added from now on start shadowing every competency. Everyone already here stays qualified.'
          }
          registration={form.register('newInterviewersShadow')}
        />
      </FormSection>
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

/** A checkbox presented as an on/off switch (role=switch), with its label and hint. */
function Switch({
  name,
  label,
  hint,
  registration,
}: {
  name: string;
  label: string;
  hint: string;
  registration: ReturnType<ReturnType<typeof useForm<SettingsForm>>['register']>;
}) {
  const id = `switch-${name}`;
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
