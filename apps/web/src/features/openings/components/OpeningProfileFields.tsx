import {
  ARCHETYPE_LABELS,
  Archetype,
  CareerPath,
  DECISION_AUTHORITY_LABELS,
  DEFAULT_COMPENSATION,
  DecisionAuthority,
  EXPECTATIONS,
  EXPECTATION_LABELS,
  LEVEL_LABELS,
  Level,
  PeopleManagement,
} from '@scorecard/contracts';
import { useEffect, useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { Field, FormSection, OptionList } from '@/components/ui/Field';
import { ARCHETYPE_HINTS, CAREER_PATH_LABELS, EXPECTATION_HINTS, PEOPLE_MANAGEMENT_LABELS } from '../opening-copy';
import { compensationInput } from '../opening-form';
import type { OpeningFormApi } from './OpeningForm';

type SectionProps = { form: OpeningFormApi };

export function RoleFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  const groupId = useId();
  return (
    <FormSection title="Role" description="What the opening is called and which kind of tech lead it needs.">
      <div className="form-grid">
        <Field label="Title" error={errors.title?.message}>
          {(control) => <input {...control} {...register('title')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Team" error={errors.team?.message} hint="Optional, for example Payments platform.">
          {(control) => <input {...control} {...register('team')} className="input" autoComplete="off" />}
        </Field>
        <Field label="Level" error={errors.level?.message}>
          {(control) => (
            <select {...control} {...register('level')} className="select">
              <OptionList values={Level.options} labels={LEVEL_LABELS} />
            </select>
          )}
        </Field>
      </div>
      <fieldset className="choices" aria-describedby={errors.archetype ? `${groupId}-error` : undefined}>
        <legend className="field__label">Archetype</legend>
        {Archetype.options.map((archetype) => (
          <div className="choice" key={archetype}>
            <input
              id={`${groupId}-${archetype}`}
              type="radio"
              className="radio"
              value={archetype}
              aria-describedby={`${groupId}-${archetype}-hint`}
              {...register('archetype')}
            />
            <div className="choice__text">
              <label htmlFor={`${groupId}-${archetype}`} className="choice__label">
                {ARCHETYPE_LABELS[archetype]}
              </label>
              <p id={`${groupId}-${archetype}-hint`} className="field__hint">
                {ARCHETYPE_HINTS[archetype]}
              </p>
            </div>
          </div>
        ))}
        {errors.archetype ? (
          <p id={`${groupId}-error`} className="field__error">
            {errors.archetype.message}
          </p>
        ) : null}
      </fieldset>
    </FormSection>
  );
}

export function WorkFields({ form }: SectionProps) {
  const { errors } = form.formState;
  const { register } = form;
  return (
    <FormSection
      title="How the role works"
      description="Candidates choose on these. Be explicit: vague coding expectations are a common hiring mistake."
    >
      <div className="form-grid form-grid--wide">
        <Field
          label="Coding share (%)"
          error={errors.codingSharePct?.message}
          hint="Share of time spent writing production code. Be explicit, for example 60%. The plan check needs it."
        >
          {(control) => (
            <input
              {...control}
              {...register('codingSharePct')}
              className="input input--narrow"
              inputMode="numeric"
              autoComplete="off"
              placeholder="e.g. 60"
            />
          )}
        </Field>
        <Field label="People management" error={errors.peopleManagement?.message}>
          {(control) => (
            <select {...control} {...register('peopleManagement')} className="select">
              <OptionList values={PeopleManagement.options} labels={PEOPLE_MANAGEMENT_LABELS} />
            </select>
          )}
        </Field>
        <Field label="Decision authority" error={errors.decisionAuthority?.message}>
          {(control) => (
            <select {...control} {...register('decisionAuthority')} className="select">
              <OptionList values={DecisionAuthority.options} labels={DECISION_AUTHORITY_LABELS} />
            </select>
          )}
        </Field>
      </div>
      <Field
        label="Split of work with the engineering manager"
        error={errors.emPartnership?.message}
        hint="For example: the tech lead owns technical direction and standards; the engineering manager owns people, delivery and hiring."
      >
        {(control) => <textarea {...control} {...register('emPartnership')} className="input textarea" rows={3} />}
      </Field>
    </FormSection>
  );
}

export function CompensationFields({ form, isNew }: SectionProps & { isNew: boolean }) {
  const { errors } = form.formState;
  const { register } = form;
  const level = useWatch({ control: form.control, name: 'level' });
  const currency = useWatch({ control: form.control, name: 'compensation.currency' });
  const previousLevel = useRef(level);

  // On a new opening the band follows the level, until the person types their own.
  useEffect(() => {
    const previous = previousLevel.current;
    previousLevel.current = level;
    if (!isNew || previous === level) return;
    const current = form.getValues('compensation');
    const previousDefaults = compensationInput(DEFAULT_COMPENSATION[previous]);
    const untouched =
      current.currency === previousDefaults.currency &&
      current.min === previousDefaults.min &&
      current.max === previousDefaults.max;
    if (untouched) form.setValue('compensation', compensationInput(DEFAULT_COMPENSATION[level]), { shouldDirty: true });
  }, [level, isNew, form]);

  return (
    <FormSection
      title="Compensation and growth"
      description={`Yearly base salary in whole ${currency?.trim() || 'currency'} units. New openings start from the 2026 US band for their level.`}
    >
      <div className="form-grid">
        <Field label="Minimum base salary" error={errors.compensation?.min?.message}>
          {(control) => <input {...control} {...register('compensation.min')} className="input" inputMode="numeric" />}
        </Field>
        <Field label="Maximum base salary" error={errors.compensation?.max?.message}>
          {(control) => <input {...control} {...register('compensation.max')} className="input" inputMode="numeric" />}
        </Field>
        <Field label="Currency" error={errors.compensation?.currency?.message} hint="Three letters, for example USD.">
          {(control) => (
            <input
              {...control}
              {...register('compensation.currency')}
              className="input input--narrow"
              autoComplete="off"
              maxLength={3}
            />
          )}
        </Field>
      </div>
      <Field label="Career path" error={errors.careerPath?.message} hint="Where this role can lead next.">
        {(control) => (
          <select {...control} {...register('careerPath')} className="select">
            <OptionList values={CareerPath.options} labels={CAREER_PATH_LABELS} />
          </select>
        )}
      </Field>
    </FormSection>
  );
}

export function ExpectationFields({ form }: SectionProps) {
  const { errors } = form.formState;
  return (
    <FormSection
      title="What the role offers candidates"
      description="Strong tech-lead candidates ask about these five things. State what this role gives on each; the panel checks the candidate’s answers against it."
    >
      {EXPECTATIONS.map((key) => (
        <Field
          key={key}
          label={EXPECTATION_LABELS[key]}
          error={errors.expectations?.[key]?.message}
          hint={EXPECTATION_HINTS[key]}
        >
          {(control) => (
            <textarea {...control} {...form.register(`expectations.${key}`)} className="input textarea" rows={2} />
          )}
        </Field>
      ))}
    </FormSection>
  );
}
