import { STAGE_LABELS, type BoardCard, type PipelineBoard, type Stage } from '@scorecard/contracts';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { interviewProgress } from '@/lib/interview-progress';
import { MAX_COMPARED } from '../api/debrief-queries';

/** Later stages first: the finalists are what people compare. */
const STAGE_ORDER: Stage[] = ['offer', 'debrief', 'interviews', 'screen', 'applied', 'hired', 'rejected', 'withdrawn'];
/** Candidates listed at a time; search or "Show more" reach the rest (an opening may have 500). */
export const PICKER_PAGE = 50;

type ApplicationPickerProps = {
  board: PipelineBoard;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
};

/** What a search matches: the name, current title and company, case and accents aside. */
function searchText(card: BoardCard): string {
  return fold(`${card.candidate.name} ${card.candidate.currentTitle} ${card.candidate.currentCompany}`);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();
}

function countText(shown: number, matching: number, total: number, filtered: boolean): string {
  if (shown < matching) return `Showing ${shown} of ${matching}${filtered ? ` matches (${total} in all)` : ''}.`;
  if (filtered) return `${matching} of ${total} ${matching === 1 ? 'matches' : 'match'}.`;
  return `${total} ${total === 1 ? 'candidate' : 'candidates'}.`;
}

/**
 * The opening's applications to compare, 2 to 8 of them (the choice lives in the URL). An opening
 * may have hundreds, so the list is searchable, filterable by stage and shows a page at a time;
 * the picked candidates stay listed above it, whatever the search.
 */
export function ApplicationPicker({ board, selected, onChange }: ApplicationPickerProps) {
  const hintId = useId();
  const searchId = useId();
  const stageId = useId();
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<Stage | 'all'>('all');
  const [limit, setLimit] = useState(PICKER_PAGE);
  // Typing stays responsive: the list follows the search at a lower priority.
  const deferredQuery = useDeferredValue(query);

  const cards = useMemo(
    () =>
      STAGE_ORDER.flatMap((s) => board.columns.find((c) => c.stage === s)?.cards ?? []).map((card) => ({
        card,
        text: searchText(card),
      })),
    [board],
  );
  const byId = useMemo(() => new Map(cards.map(({ card }) => [card.applicationId, card])), [cards]);
  const stageCounts = useMemo(() => {
    const counts = new Map<Stage, number>();
    for (const { card } of cards) counts.set(card.stage, (counts.get(card.stage) ?? 0) + 1);
    return counts;
  }, [cards]);
  const matches = useMemo(() => {
    const words = fold(deferredQuery).split(/\s+/).filter(Boolean);
    return cards
      .filter(({ card, text }) => (stage === 'all' || card.stage === stage) && words.every((w) => text.includes(w)))
      .map(({ card }) => card);
  }, [cards, deferredQuery, stage]);
  const shown = matches.slice(0, limit);
  const filtered = deferredQuery.trim() !== '' || stage !== 'all';

  const chosen = new Set(selected);
  const picked = selected.map((id) => byId.get(id)).filter((card): card is BoardCard => card !== undefined);
  const full = selected.length >= MAX_COMPARED;
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));

  return (
    <fieldset className="panel panel--padded compare-picker" aria-describedby={hintId}>
      <legend className="compare-picker__legend">Candidates to compare</legend>
      <p id={hintId} className="compare-picker__hint">
        Pick 2 to {MAX_COMPARED}. {selected.length} selected
        {full ? ': that’s the most one comparison shows; untick one to pick another.' : '.'}
      </p>
      {cards.length === 0 ? (
        <p className="muted">This opening has no applications yet.</p>
      ) : (
        <>
          {picked.length > 0 ? (
            <ul className="compare-picked" aria-label="Picked">
              {picked.map((card) => (
                <li key={card.applicationId} className="compare-picked__item">
                  <span>{card.candidate.name}</span>
                  <button
                    type="button"
                    className="compare-picked__remove"
                    aria-label={`Remove ${card.candidate.name}`}
                    onClick={() => toggle(card.applicationId, false)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="compare-picker__filters">
            <div className="toolbar__field toolbar__field--grow">
              <label htmlFor={searchId} className="field__label">
                Find a candidate
              </label>
              <input
                id={searchId}
                type="search"
                className="input input--search"
                placeholder="Name, title or company"
                autoComplete="off"
                value={query}
                onChange={(e) => {
                  setQuery(e.target.value);
                  setLimit(PICKER_PAGE);
                }}
              />
            </div>
            <div className="toolbar__field">
              <label htmlFor={stageId} className="field__label">
                Stage
              </label>
              <select
                id={stageId}
                className="select"
                value={stage}
                onChange={(e) => {
                  setStage(e.target.value as Stage | 'all');
                  setLimit(PICKER_PAGE);
                }}
              >
                <option value="all">All stages ({cards.length})</option>
                {STAGE_ORDER.filter((s) => stageCounts.has(s)).map((s) => (
                  <option key={s} value={s}>
                    {STAGE_LABELS[s]} ({stageCounts.get(s)})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="compare-picker__count" role="status">
            {countText(shown.length, matches.length, cards.length, filtered)}
          </p>
          {shown.length === 0 ? (
            <p className="muted">No candidate matches. Try another name, or all stages.</p>
          ) : (
            <ul className="compare-picker__list" aria-busy={deferredQuery !== query}>
              {shown.map((card) => {
                const checked = chosen.has(card.applicationId);
                const inputId = `pick-${card.applicationId}`;
                return (
                  <li
                    key={card.applicationId}
                    className={checked ? 'compare-pick compare-pick--checked' : 'compare-pick'}
                  >
                    <input
                      id={inputId}
                      type="checkbox"
                      className="checkbox"
                      checked={checked}
                      disabled={!checked && full}
                      onChange={(e) => toggle(card.applicationId, e.target.checked)}
                    />
                    <label htmlFor={inputId} className="compare-pick__label">
                      <span className="compare-pick__name">{card.candidate.name}</span>
                      <span className="compare-pick__meta">
                        {STAGE_LABELS[card.stage]} · {interviewProgress(card.scorecardsIn, card.interviews)}
                        {card.dealbreaker ? <span className="compare-pick__flag"> · Dealbreaker</span> : null}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {shown.length < matches.length ? (
            <button
              type="button"
              className="button button--secondary button--small compare-picker__more"
              onClick={() => setLimit((l) => l + PICKER_PAGE)}
            >
              Show {Math.min(PICKER_PAGE, matches.length - shown.length)} more
            </button>
          ) : null}
        </>
      )}
    </fieldset>
  );
}
