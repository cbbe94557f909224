import { PREFER_NOT_TO_SAY, type SelfIdForm } from '@scorecard/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { CenteredPage } from '@/components/ui/CenteredPage';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useDocumentTitle } from '@/lib/use-document-title';
import { SELF_ID_TOKEN, useSelfIdForm, useSubmitSelfId, useWithdrawSelfId } from '../api/self-id-queries';
import '../self-id.css';

/** A link that does not work: unknown (replaced, mistyped) or expired. */
function BadLink({ error }: { error: unknown }) {
  const expired = isApiError(error, 'token_expired');
  return (
    <div className="self-id" role="alert">
      <h1 className="self-id__title">{expired ? 'This link has expired' : 'This link does not work'}</h1>
      <p>
        {isApiError(error, 'token_expired') || isApiError(error, 'token_unknown')
          ? errorMessage(error)
          : 'The link is incomplete. Open it again from the email, and make sure it was not cut short.'}
      </p>
      <p>Answering is voluntary: if you don’t want to, there is nothing to do.</p>
    </div>
  );
}

/**
 * `/self-id/<token>`: a candidate's voluntary self-identification, without signing in. Every
 * question starts at "Prefer not to say". Answers already on file are not shown again (whoever holds
 * the link could read them); answering again replaces them, and they can be withdrawn.
 */
export default function SelfIdPublicRoute() {
  useDocumentTitle('Voluntary questions');
  const token = useParams().token?.trim() ?? '';
  const form = useSelfIdForm(token);

  let body;
  if (!SELF_ID_TOKEN.test(token)) body = <BadLink error={null} />;
  else if (form.isPending) body = <LoadingState label="Opening your questions…" />;
  else if (isApiError(form.error, 'token_unknown') || isApiError(form.error, 'token_expired'))
    body = <BadLink error={form.error} />;
  else if (form.isError)
    body = (
      <ErrorState
        title="We couldn’t open your questions"
        error={form.error}
        onRetry={() => void form.refetch()}
        retrying={form.isFetching}
      />
    );
  else body = <Questions token={token} form={form.data} />;
  return <CenteredPage>{body}</CenteredPage>;
}

type Answers = Record<string, string>;
const blank = (form: SelfIdForm): Answers => Object.fromEntries(form.dimensions.map((d) => [d.key, PREFER_NOT_TO_SAY]));

function Questions({ token, form }: { token: string; form: SelfIdForm }) {
  const [answers, setAnswers] = useState<Answers>(() => blank(form));
  const [saved, setSaved] = useState<'saved' | 'withdrawn' | null>(null);
  const submit = useSubmitSelfId(token);
  const withdraw = useWithdrawSelfId(token);
  const id = useId();
  const org = form.organizationName;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    withdraw.reset();
    submit.mutate(answers, { onSuccess: () => setSaved('saved') });
  };

  if (saved) {
    return (
      <div className="self-id" role="status">
        <h1 className="self-id__title">{saved === 'saved' ? 'Thank you' : 'Your answers are withdrawn'}</h1>
        <p>
          {saved === 'saved'
            ? `Your answers are saved. ${org} will only ever see them counted together with other candidates’.`
            : `${org} no longer holds any answers from you to these questions.`}
        </p>
        <p>
          You can come back with the same link until {formatDateTime(form.expiresAt)} to change or withdraw your
          answers.
        </p>
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setAnswers(blank(form));
              setSaved(null);
            }}
          >
            Answer again
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="self-id form" onSubmit={onSubmit} aria-describedby={`${id}-intro`} noValidate>
      <h1 className="self-id__title">Voluntary questions from {org}</h1>
      <div id={`${id}-intro`} className="self-id__intro">
        <p>{org} asks every candidate these questions to check that its hiring process treats every group fairly.</p>
        <ul>
          <li>
            Answering is voluntary. “Prefer not to say” is always an option, and your application is the same whatever
            you choose.
          </li>
          <li>Interviewers and the people deciding on your application never see your answers.</li>
          <li>Your answers are kept apart from your application and used only as counts across many candidates.</li>
        </ul>
      </div>
      {form.answeredAt ? (
        <Alert tone="info" title="We already have your answers">
          <p>
            You answered on {formatDateTime(form.answeredAt)}. To protect your privacy they are not shown here: anyone
            holding this link could see them. Answering again replaces them, or you can withdraw them.
          </p>
        </Alert>
      ) : null}
      {form.dimensions.map((d) => (
        <fieldset key={d.key} className="self-id__question">
          <legend className="self-id__legend">{d.question}</legend>
          <div className="self-id__options">
            {[{ key: PREFER_NOT_TO_SAY, label: 'Prefer not to say' }, ...d.categories].map((c) => {
              const inputId = `${id}-${d.key}-${c.key}`;
              return (
                <div className="choice" key={c.key}>
                  <input
                    id={inputId}
                    type="radio"
                    className="radio"
                    name={`${id}-${d.key}`}
                    value={c.key}
                    checked={answers[d.key] === c.key}
                    onChange={() => setAnswers((a) => ({ ...a, [d.key]: c.key }))}
                  />
                  <label htmlFor={inputId} className="choice__label">
                    {c.label}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      {submit.isError ? (
        <Alert title="Your answers were not saved">
          <p>{errorMessage(submit.error)}</p>
        </Alert>
      ) : null}
      {withdraw.isError ? (
        <Alert title="Your answers were not withdrawn">
          <p>{errorMessage(withdraw.error)}</p>
        </Alert>
      ) : null}
      <div className="form__actions self-id__actions">
        <button type="submit" className="button button--primary" disabled={submit.isPending}>
          {submit.isPending ? 'Saving…' : 'Save my answers'}
        </button>
        {form.answeredAt ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={withdraw.isPending}
            onClick={() => {
              submit.reset();
              withdraw.mutate(undefined, { onSuccess: () => setSaved('withdrawn') });
            }}
          >
            {withdraw.isPending ? 'Withdrawing…' : 'Withdraw my answers'}
          </button>
        ) : null}
      </div>
      <p className="field__hint">This link works until {formatDateTime(form.expiresAt)}.</p>
    </form>
  );
}
