import { RATING_LABELS, RECOMMENDATION_LABELS, type Meeting, type Recommendation } from '@scorecard/contracts';
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { errorMessage } from '@/lib/api';
import { useCastVote } from '../api/meetings';
import { missingVotes, RECOMMENDATIONS, voteFromKey } from '../meeting-copy';

const LEVELS = [1, 2, 3, 4] as const;

type Question = { key: string; name: string; options: { value: number; label: string }[] };

/**
 * The caller's silent vote in the open round, keyboard first: each question is a radio group (Tab
 * moves between questions, arrows between levels), a number key 1–4 sets the focused question's
 * vote, and Enter casts. Nobody else sees it until the round is revealed; it can be changed until then.
 */
export function Ballot({ meeting, round }: { meeting: Meeting; round: 1 | 2 }) {
  const mine = round === 1 ? meeting.mine.round1 : meeting.mine.round2;
  const [ratings, setRatings] = useState<Record<string, number | undefined>>(() => ({ ...(mine?.ratings ?? {}) }));
  const [recommendation, setRecommendation] = useState<Recommendation | null>(mine?.recommendation ?? null);
  const [missing, setMissing] = useState<string[]>([]);
  const cast = useCastVote(meeting.applicationId, meeting.id);
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();

  const questions: Question[] = [
    ...meeting.competencies.map((c) => ({
      key: c.key,
      name: c.name,
      options: LEVELS.map((v) => ({ value: v, label: RATING_LABELS[(v - 1) as 0 | 1 | 2 | 3] })),
    })),
    {
      key: 'recommendation',
      name: 'Overall recommendation',
      options: RECOMMENDATIONS.map((r, i) => ({ value: i + 1, label: RECOMMENDATION_LABELS[r] })),
    },
  ];
  const valueOf = (key: string) =>
    key === 'recommendation'
      ? recommendation
        ? RECOMMENDATIONS.indexOf(recommendation) + 1
        : undefined
      : ratings[key];
  const choose = (key: string, value: number) => {
    setMissing([]);
    if (key === 'recommendation') setRecommendation(RECOMMENDATIONS[value - 1]!);
    else setRatings((r) => ({ ...r, [key]: value }));
  };
  const inputId = (key: string, value: number) => `${id}-${key}-${value}`;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const lacking = missingVotes(meeting, ratings, recommendation);
    setMissing(lacking);
    if (lacking.length > 0 || !recommendation) return;
    cast.mutate({
      round,
      recommendation,
      ratings: meeting.competencies.map((c) => ({ competencyKey: c.key, rating: ratings[c.key]! })),
    });
  };

  const onKeyDown = (key: string) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
      return;
    }
    const value = voteFromKey(event.key);
    if (value === null) return;
    event.preventDefault();
    choose(key, value);
    document.getElementById(inputId(key, value))?.focus();
  };

  return (
    <form
      ref={formRef}
      className="panel panel--padded meeting-ballot"
      onSubmit={submit}
      aria-labelledby={`${id}-title`}
      noValidate
    >
      <div className="section-header">
        <div>
          <h2 id={`${id}-title`} className="section-header__title">
            Your silent vote · round {round}
          </h2>
          <p className="section-header__description" id={`${id}-help`}>
            Nobody sees your vote until everyone has voted or the host reveals the round; you can change it until then.
            Keys: Tab to the next question, 1–4 to vote, arrows to move between levels, Enter to cast.
          </p>
        </div>
      </div>
      {questions.map((q) => {
        const current = valueOf(q.key);
        return (
          <fieldset key={q.key} className="meeting-question" aria-describedby={`${id}-help`}>
            <legend className="meeting-question__name">{q.name}</legend>
            <div className="meeting-question__options">
              {q.options.map((o) => {
                const checked = current === o.value;
                return (
                  <label
                    key={o.value}
                    htmlFor={inputId(q.key, o.value)}
                    className={`meeting-option${checked ? ' meeting-option--checked' : ''}`}
                  >
                    <input
                      type="radio"
                      className="radio"
                      id={inputId(q.key, o.value)}
                      name={`${id}-${q.key}`}
                      checked={checked}
                      onChange={() => choose(q.key, o.value)}
                      onKeyDown={onKeyDown(q.key)}
                    />
                    <span className="meeting-option__key" aria-hidden="true">
                      {o.value}
                    </span>
                    <span className="meeting-option__label">{o.label}</span>
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      {missing.length > 0 ? (
        <Alert title="Vote on every question first">Still to vote: {missing.join(', ')}.</Alert>
      ) : null}
      {cast.isError ? <Alert title="Your vote wasn’t cast">{errorMessage(cast.error)}</Alert> : null}
      <div className="form__actions meeting-ballot__actions">
        <p className="muted" role="status" aria-live="polite">
          {cast.isPending ? 'Casting your vote…' : mine ? 'Your vote is in. Change it and cast again if you like.' : ''}
        </p>
        <button type="submit" className="button button--primary" disabled={cast.isPending}>
          {mine ? 'Change my vote' : 'Cast my vote'}
        </button>
      </div>
    </form>
  );
}
