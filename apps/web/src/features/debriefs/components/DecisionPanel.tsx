import { zodResolver } from '@hookform/resolvers/zod';
import {
  DECISION_LABELS,
  DecisionKind,
  REASON_LABELS,
  RejectionReason,
  STAGE_LABELS,
  type Debrief,
  type Decision,
} from '@scorecard/contracts';
import { useEffect, useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Field, OptionList } from '@/components/ui/Field';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useDecide } from '../api/decide';
import { formatDateTime } from '../debrief-copy';
import {
  DECISION_HINTS,
  EMPTY_DECISION,
  dealbreakerCount,
  decisionFormSchema,
  type DecisionFormInput,
  type DecisionFormValues,
} from '../decision-form';

/** A decision chosen elsewhere on the page (the evidence gaps' "Hold"); `at` tells two requests apart. */
export type DecisionPreset = { decision: DecisionKind; at: number };

type DecisionPanelProps = { debrief: Debrief; canDecide: boolean; preset?: DecisionPreset | null };

/**
 * The outcome of the debrief, read last: the current decision and its history, and the form for
 * whoever decides.
 */
export function DecisionPanel({ debrief, canDecide, preset = null }: DecisionPanelProps) {
  const [current, ...earlier] = debrief.decisions;
  const { stage, candidate, opening } = debrief.application;
  const atDebrief = stage === 'debrief';
  return (
    <section className="panel panel--padded debrief-section decision-panel" aria-labelledby="decision-title">
      <div className="section-header">
        <div>
          <h2 id="decision-title" className="section-header__title" tabIndex={-1}>
            Decision
          </h2>
          <p className="section-header__description">
            Hire, no hire or hold, with the reason. Recorded with who decided and when.
          </p>
        </div>
      </div>
      <div className={canDecide && atDebrief && current ? 'decision-panel__grid' : 'decision-panel__stack'}>
        <div className="decision-panel__current">
          {current ? (
            <CurrentDecision decision={current} />
          ) : (
            <p className="muted">
              No decision yet.
              {!canDecide
                ? ` ${opening.hiringManager ? `${opening.hiringManager.name}, the hiring manager,` : 'The hiring manager'} records it after the debrief.`
                : null}
            </p>
          )}
          {earlier.length > 0 ? (
            <div className="decision-history">
              <h3 className="decision-history__title">Earlier decisions</h3>
              <ol className="decision-history__list">
                {earlier.map((d) => (
                  <li key={d.id}>
                    <DecisionLine decision={d} />
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
        {canDecide && atDebrief ? (
          <DecisionForm debrief={debrief} preset={preset} />
        ) : canDecide && !atDebrief && !current ? (
          <p className="muted debrief-no-print">
            A decision is recorded at the Debrief stage; {candidate.name} is in {STAGE_LABELS[stage]}.{' '}
            <Link to={`/applications/${debrief.application.id}`}>Open the application</Link> to move them when the panel
            is done.
          </p>
        ) : null}
      </div>
    </section>
  );
}

function CurrentDecision({ decision }: { decision: Decision }) {
  return (
    <div className={`decision-current decision-current--${decision.decision}`}>
      <p className="decision-current__label">Current decision</p>
      <p className="decision-current__value">{DECISION_LABELS[decision.decision]}</p>
      <p className="decision-current__meta">
        {decision.by.name} · <time dateTime={decision.at}>{formatDateTime(decision.at)}</time>
      </p>
      {decision.acknowledgedDealbreakers ? (
        <p className="decision-current__ack">Hired over a dealbreaker red flag, acknowledged.</p>
      ) : null}
      <p className="decision-current__rationale">{decision.rationale}</p>
    </div>
  );
}

function DecisionLine({ decision }: { decision: Decision }) {
  return (
    <>
      <p className="decision-history__line">
        <strong>{DECISION_LABELS[decision.decision]}</strong> · {decision.by.name} ·{' '}
        <time dateTime={decision.at}>{formatDateTime(decision.at)}</time>
      </p>
      <p className="decision-history__rationale">{decision.rationale}</p>
    </>
  );
}

function DecisionForm({ debrief, preset }: { debrief: Debrief; preset: DecisionPreset | null }) {
  const id = useId();
  const dealbreakers = dealbreakerCount(debrief);
  const schema = useMemo(() => decisionFormSchema(dealbreakers), [dealbreakers]);
  const decide = useDecide(debrief.application.id);
  const form = useForm<DecisionFormInput, unknown, DecisionFormValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_DECISION,
  });
  const { errors, isDirty } = form.formState;
  const choice = useWatch({ control: form.control, name: 'decision' });
  const [recorded, setRecorded] = useState<string | null>(null);

  // The revision this decision is based on. While the form is untouched it follows the live debrief;
  // once the decider has started, a change by someone else must be seen, never silently decided over.
  const revision = debrief.application.revision;
  const [baseRevision, setBaseRevision] = useState(revision);
  useEffect(() => {
    if (!isDirty) setBaseRevision(revision);
  }, [revision, isDirty]);
  const changedMeanwhile = baseRevision !== revision;

  // A decision chosen elsewhere on the page: choose it here and bring the form into view.
  useEffect(() => {
    if (!preset) return;
    form.setValue('decision', preset.decision, { shouldDirty: true });
    const radio = document.getElementById(`${id}-${preset.decision}`);
    radio?.focus();
    radio?.scrollIntoView({ block: 'center' });
  }, [preset, form, id]);

  // Re-validate the acknowledgement when the flags change under an open form (a scorecard arrived).
  useEffect(() => {
    if (form.formState.isSubmitted) void form.trigger('acknowledge');
  }, [dealbreakers, form]);

  const onSubmit = form.handleSubmit((values) => {
    setRecorded(null);
    decide.mutate(
      {
        decision: values.decision as DecisionKind,
        rationale: values.rationale,
        acknowledgeDealbreakers: values.decision === 'hire' && values.acknowledge,
        ...(values.decision === 'no_hire' && values.rejectionReason ? { rejectionReason: values.rejectionReason } : {}),
        revision: baseRevision,
      },
      {
        onSuccess: (d) => {
          setRecorded(`Decision recorded: ${DECISION_LABELS[d.decision]}.`);
          form.reset(EMPTY_DECISION);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'dealbreaker_not_acknowledged') {
            form.setError('acknowledge', { type: 'server', message: errorMessage(error) }, { shouldFocus: true });
            return;
          }
          applyServerFieldErrors(error, form.setError, ['decision', 'rationale', 'rejectionReason']);
        },
      },
    );
  });

  const error = decide.error;
  const placed =
    error instanceof ApiError &&
    (error.code === 'dealbreaker_not_acknowledged' ||
      (error.code === 'validation_failed' && error.fieldErrors.length > 0));
  const stale = error instanceof ApiError && (error.code === 'stale_revision' || error.code === 'conflict');

  return (
    <form
      className="form decision-form debrief-no-print"
      onSubmit={onSubmit}
      onChange={() => setRecorded(null)}
      noValidate
      aria-label="Record a decision"
    >
      {recorded ? <Alert tone="success">{recorded}</Alert> : null}
      {decide.isError && !placed && !stale ? <Alert title="Not recorded">{errorMessage(error)}</Alert> : null}
      {changedMeanwhile || (decide.isError && stale) ? (
        <Alert tone={stale ? 'error' : 'info'} title="This application changed while you were deciding">
          <p>
            Someone recorded a decision or moved the candidate after you started. The page shows the latest: read it,
            then record your decision again if it still stands.
          </p>
          <button
            type="button"
            className="button button--secondary button--small alert__action"
            onClick={() => {
              setBaseRevision(revision);
              decide.reset();
            }}
          >
            I’ve read it, keep my decision
          </button>
        </Alert>
      ) : null}
      <fieldset
        className="choices decision-form__choices"
        aria-describedby={errors.decision ? `${id}-decision-error` : undefined}
      >
        <legend className="field__label">Decision</legend>
        {DecisionKind.options.map((kind) => (
          <div key={kind} className={`choice decision-choice decision-choice--${kind}`}>
            <input
              id={`${id}-${kind}`}
              type="radio"
              className="radio"
              value={kind}
              aria-describedby={`${id}-${kind}-hint`}
              {...form.register('decision')}
            />
            <span className="choice__text">
              <label htmlFor={`${id}-${kind}`} className="choice__label">
                {DECISION_LABELS[kind]}
              </label>
              <span id={`${id}-${kind}-hint`} className="field__hint">
                {DECISION_HINTS[kind]}
              </span>
            </span>
          </div>
        ))}
        {errors.decision ? (
          <p id={`${id}-decision-error`} className="field__error">
            {errors.decision.message}
          </p>
        ) : null}
      </fieldset>
      {choice === 'hire' && dealbreakers > 0 ? (
        <div className={errors.acknowledge ? 'field field--invalid decision-ack' : 'field decision-ack'}>
          <label className="decision-ack__label">
            <input
              type="checkbox"
              className="checkbox"
              aria-invalid={Boolean(errors.acknowledge)}
              aria-describedby={errors.acknowledge ? `${id}-ack-error` : `${id}-ack-hint`}
              {...form.register('acknowledge')}
            />
            <span>I have read the dealbreaker flags and want to hire anyway</span>
          </label>
          {errors.acknowledge ? (
            <p id={`${id}-ack-error`} className="field__error">
              {errors.acknowledge.message}
            </p>
          ) : (
            <p id={`${id}-ack-hint`} className="field__hint">
              {dealbreakers === 1
                ? 'An interviewer flagged a dealbreaker; see Red flags below.'
                : `Interviewers flagged ${dealbreakers} dealbreakers; see Red flags below.`}
            </p>
          )}
        </div>
      ) : null}
      {choice === 'no_hire' ? (
        <Field
          label="Rejection reason"
          error={errors.rejectionReason?.message}
          hint="Required for a no hire; recorded in the application’s timeline."
        >
          {(control) => (
            <select {...control} {...form.register('rejectionReason')} className="select" aria-required="true">
              <OptionList values={RejectionReason.options} labels={REASON_LABELS} empty="Choose a reason…" />
            </select>
          )}
        </Field>
      ) : null}
      <Field
        label="Rationale"
        error={errors.rationale?.message}
        hint="Why, in terms of the evidence: the panel and the candidate’s record will read it."
      >
        {(control) => <textarea {...control} {...form.register('rationale')} className="input textarea" rows={4} />}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={decide.isPending}>
          {decide.isPending ? 'Recording…' : 'Record decision'}
        </button>
      </div>
    </form>
  );
}
