import { CreateCandidateNoteRequest, NOTE_MAX_CHARS, type ActivityItem, type Candidate } from '@scorecard/contracts';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/States';
import { errorMessage, isApiError } from '@/lib/api';
import { formatDateTimeToSecond } from '@/lib/format-time';
import { activitySentence, relativeTime } from '../activity-text';
import { useAddNote, useCandidateActivity } from '../api/candidate-activity';
import './candidate-activity.css';

/** The candidate's notes composer and activity feed. */
export function CandidateActivity({ candidate }: { candidate: Candidate }) {
  const erased = candidate.erasedAt !== null;
  return (
    <section className="panel panel--padded candidate-activity" aria-labelledby="activity-title">
      <h2 id="activity-title" className="section-header__title">
        Notes and activity
      </h2>
      {erased ? null : <NoteComposer candidateId={candidate.id} />}
      <ActivityFeed candidate={candidate} />
    </section>
  );
}

function NoteComposer({ candidateId }: { candidateId: string }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const add = useAddNote(candidateId);
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (add.isPending) return;
    setAdded(false);
    const parsed = CreateCandidateNoteRequest.safeParse({ body });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the note.');
      return;
    }
    setError(null);
    add.mutate(parsed.data, {
      onSuccess: () => {
        setBody('');
        setAdded(true);
      },
      onError: (err) => {
        setError(isApiError(err) && err.fieldErrors[0] ? err.fieldErrors[0].message : errorMessage(err));
      },
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
  };
  const over = body.length > NOTE_MAX_CHARS;

  return (
    <form className="note-composer" onSubmit={submit} noValidate>
      <div className={error ? 'field field--invalid' : 'field'}>
        <label className="field__label" htmlFor={id}>
          Add a note
        </label>
        <textarea
          id={id}
          className="textarea note-composer__input"
          rows={3}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (error) setError(null);
            setAdded(false);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={Boolean(error)}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
          placeholder="What should the team know?"
          disabled={add.isPending}
        />
        <p id={hintId} className="field__hint note-composer__hint">
          <span>Ctrl+Enter or ⌘+Enter to add.</span>
          <span className={over ? 'note-composer__count note-composer__count--over' : 'note-composer__count'}>
            {body.length.toLocaleString('en-US')} / {NOTE_MAX_CHARS.toLocaleString('en-US')}
          </span>
        </p>
        {error ? (
          <p id={errorId} className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="note-composer__actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? (
            <>
              <Spinner /> Adding…
            </>
          ) : (
            'Add note'
          )}
        </button>
        <span className="note-composer__status" aria-live="polite">
          {added ? 'Note added.' : ''}
        </span>
      </div>
    </form>
  );
}

function dayLabel(at: string, now = new Date()): string {
  const d = new Date(at);
  const start = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((start(now) - start(d)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(d);
}

function ActivityFeed({ candidate }: { candidate: Candidate }) {
  const feed = useCandidateActivity(candidate.id);
  if (feed.isPending) return <LoadingState label="Loading the activity…" />;
  if (feed.isError) {
    return (
      <ErrorState
        title="Couldn’t load the activity"
        error={feed.error}
        onRetry={() => void feed.refetch()}
        retrying={feed.isFetching}
      />
    );
  }
  const items = feed.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No activity yet">
        <p>Notes, applications, moves, interviews, scorecards, decisions and files will show here.</p>
      </EmptyState>
    );
  }
  const groups: { day: string; items: ActivityItem[] }[] = [];
  for (const item of items) {
    const day = dayLabel(item.at);
    const last = groups.at(-1);
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  const name = candidate.erasedAt ? 'the candidate' : candidate.name.split(/\s+/)[0] || candidate.name;
  return (
    <div className="activity-feed">
      {groups.map((g) => (
        <section key={g.day} className="activity-feed__day" aria-label={g.day}>
          <h3 className="activity-feed__day-title">{g.day}</h3>
          <ol className="activity-feed__list">
            {g.items.map((item) => (
              <ActivityEntry key={item.key} item={item} name={name} />
            ))}
          </ol>
        </section>
      ))}
      {feed.isFetchNextPageError ? (
        <p className="field__error" role="alert">
          Couldn’t load more. Try again.
        </p>
      ) : null}
      {feed.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary activity-feed__more"
          onClick={() => void feed.fetchNextPage()}
          disabled={feed.isFetchingNextPage}
        >
          {feed.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </div>
  );
}

function ActivityEntry({ item, name }: { item: ActivityItem; name: string }) {
  const application = 'application' in item ? item.application : null;
  return (
    <li className={`activity-entry activity-entry--${item.kind}`} data-kind={item.kind}>
      <span className="activity-entry__dot" aria-hidden="true" />
      <div className="activity-entry__body">
        <p className="activity-entry__text">
          {activitySentence(item, name)}
          {application ? (
            <>
              {' · '}
              <Link to={`/applications/${application.id}`}>{application.opening.title}</Link>
            </>
          ) : null}
        </p>
        {item.kind === 'note_added' ? <p className="activity-entry__note">{item.details.body}</p> : null}
        {item.kind === 'stage_moved' && item.details.note ? (
          <p className="activity-entry__note">{item.details.note}</p>
        ) : null}
        <time className="activity-entry__time" dateTime={item.at} title={formatDateTimeToSecond(item.at)}>
          {relativeTime(item.at)}
          <span className="visually-hidden"> ({formatDateTimeToSecond(item.at)})</span>
        </time>
      </div>
    </li>
  );
}
