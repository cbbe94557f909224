import { DEFAULT_SELF_ID_DIMENSIONS, type SelfIdDimension } from '@scorecard/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useSelfIdSettings, useUpdateSelfIdSettings } from '../api/self-id-queries';
import { checkSettings, withKeys } from '../self-id-settings';
import '../self-id.css';

/** Settings → Self-identification (admins): the voluntary questions candidates are asked, and their answers. */
export default function SelfIdSettingsRoute() {
  useDocumentTitle('Self-identification');
  const { user } = useSession();
  const settings = useSelfIdSettings();
  const header = (
    <PageHeader
      title="Self-identification"
      description="The voluntary questions candidates answer through their link. Answers are stored apart from the candidate and shown only as counts, in Analytics → Adverse impact."
    />
  );
  if (user.role !== 'admin') {
    return (
      <>
        {header}
        <EmptyState title="Only admins change these questions" />
      </>
    );
  }
  if (settings.isPending)
    return (
      <>
        {header}
        <LoadingState label="Loading the questions…" />
      </>
    );
  if (settings.isError) {
    return (
      <>
        {header}
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />
      </>
    );
  }
  return (
    <>
      {header}
      <p className="field__hint">
        {settings.data.updatedAt
          ? `Last changed ${formatDateTime(settings.data.updatedAt)}${settings.data.updatedBy ? ` by ${settings.data.updatedBy.name}` : ''}.`
          : 'These are the EEO-1 categories, the defaults.'}
      </p>
      <SettingsForm initial={settings.data.dimensions} />
    </>
  );
}

function SettingsForm({ initial }: { initial: SelfIdDimension[] }) {
  const [dimensions, setDimensions] = useState<SelfIdDimension[]>(initial);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useUpdateSelfIdSettings();
  const errors = checkSettings(dimensions);
  const shown = tried ? errors : null;

  const change = (i: number, next: Partial<SelfIdDimension>) => {
    setSaved(false);
    setDimensions((ds) => ds.map((d, n) => (n === i ? { ...d, ...next } : d)));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (errors) return;
    update.mutate(
      { dimensions: withKeys(dimensions) },
      {
        // The form shows what was stored: new entries now with their keys.
        onSuccess: (stored) => {
          setDimensions(stored.dimensions);
          setTried(false);
          setSaved(true);
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Alert tone="info" title="Changing categories keeps earlier answers">
        <p>
          Answers are stored by each category’s key. Renaming a category changes nothing stored. Answers to a category
          you remove stay, counted apart as “no longer offered” and never compared; adding it back with the same key
          brings them back. “Prefer not to say” is always offered and needs no entry.
        </p>
      </Alert>
      {dimensions.map((d, i) => (
        <section
          key={i}
          className="panel panel--padded self-id-settings__dimension"
          aria-label={d.label || `Question ${i + 1}`}
        >
          <Field label="Name in reports" error={shown?.[`dimensions.${i}.label`]}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={d.label}
                onChange={(e) => change(i, { label: e.target.value })}
              />
            )}
          </Field>
          <Field label="Question" error={shown?.[`dimensions.${i}.question`]}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={d.question}
                onChange={(e) => change(i, { question: e.target.value })}
              />
            )}
          </Field>
          <p className="field__label">Answers offered</p>
          {shown?.[`dimensions.${i}.categories`] ? (
            <p className="field__error">{shown[`dimensions.${i}.categories`]}</p>
          ) : null}
          <ul className="self-id-settings__categories">
            {d.categories.map((c, j) => (
              <li key={j} className="self-id-settings__category">
                <Field
                  label={`Answer ${j + 1}`}
                  error={shown?.[`dimensions.${i}.categories.${j}.label`]}
                  hint={c.key ? <span className="self-id-settings__key">Stored as {c.key}</span> : 'New'}
                >
                  {(control) => (
                    <input
                      {...control}
                      className="input"
                      value={c.label}
                      onChange={(e) =>
                        change(i, {
                          categories: d.categories.map((x, n) => (n === j ? { ...x, label: e.target.value } : x)),
                        })
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => change(i, { categories: d.categories.filter((_, n) => n !== j) })}
                >
                  Remove<span className="visually-hidden"> {c.label || `answer ${j + 1}`}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="self-id-settings__actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => change(i, { categories: [...d.categories, { key: '', label: '' }] })}
            >
              Add an answer<span className="visually-hidden"> to {d.label}</span>
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={dimensions.length === 1}
              onClick={() => {
                setSaved(false);
                setDimensions((ds) => ds.filter((_, n) => n !== i));
              }}
            >
              Remove this question
            </button>
          </div>
        </section>
      ))}
      {shown?.dimensions ? <p className="field__error">{shown.dimensions}</p> : null}
      {update.isError ? (
        <Alert title="The questions were not saved">
          <p>{errorMessage(update.error)}</p>
        </Alert>
      ) : null}
      {saved ? (
        <Alert tone="success">
          <p>Saved. New links ask these questions; links already sent show them too.</p>
        </Alert>
      ) : null}
      <div className="form__actions self-id-settings__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save questions'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={dimensions.length >= 5}
          onClick={() =>
            setDimensions((ds) => [
              ...ds,
              {
                key: '',
                label: '',
                question: '',
                categories: [
                  { key: '', label: '' },
                  { key: '', label: '' },
                ],
              },
            ])
          }
        >
          Add a question
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setSaved(false);
            setDimensions(DEFAULT_SELF_ID_DIMENSIONS);
          }}
        >
          Use the EEO-1 defaults
        </button>
      </div>
    </form>
  );
}
