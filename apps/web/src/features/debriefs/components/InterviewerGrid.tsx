import type { Debrief, DebriefGridCell } from '@scorecard/contracts';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { gridFootnotes, otherLabel } from '../grid';
import { RatingChip } from './Figures';
import '../debrief-grid.css';

const TIP_WIDTH = 320;
/** How long the evidence stays open after the pointer leaves, so it can be reached (WCAG 1.4.13). */
const CLOSE_DELAY_MS = 120;

/**
 * Every interviewer's rating of every criterion side by side: a row per criterion (grouped by
 * competency, in rubric order), a column per submitted scorecard (interviewer and step). Each
 * rating shows its evidence on hover and on keyboard focus (Escape closes it); "—" where the
 * interviewer's step did not ask the question; disagreements (the domain's rule, from the debrief)
 * marked in words. In print the evidence follows the grid as numbered notes.
 */
export function InterviewerGrid({ debrief }: { debrief: Debrief }) {
  const id = useId();
  const { grid } = debrief;
  const [open, setOpen] = useState<string | null>(null);
  const closeTimer = useRef<number | undefined>(undefined);
  const cancelClose = useCallback(() => window.clearTimeout(closeTimer.current), []);
  const show = useCallback(
    (key: string) => {
      cancelClose();
      setOpen(key);
    },
    [cancelClose],
  );
  const hide = useCallback(
    (key: string, delay = 0) => {
      cancelClose();
      const close = () => setOpen((current) => (current === key ? null : current));
      if (delay > 0) closeTimer.current = window.setTimeout(close, delay);
      else close();
    },
    [cancelClose],
  );
  useEffect(() => () => window.clearTimeout(closeTimer.current), []);
  // Escape dismisses the evidence wherever the pointer or focus is (WCAG 1.4.13).
  useEffect(() => {
    if (open === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const footnotes = gridFootnotes(debrief);
  const noteNumber = new Map(footnotes.map((n) => [`${n.row}:${n.column}`, n.number]));
  const disagreeing = new Set(debrief.disagreements.criteria);
  const rowsByCriterion = new Map(grid.rows.map((r, i) => [r.criterionKey, { row: r, index: i }]));
  const independent = debrief.ratingsView === 'independent';
  const titleId = `${id}-title`;

  return (
    <section className="panel debrief-section grid-section" aria-labelledby={titleId}>
      <div className="section-header grid-section__header">
        <div>
          <h2 id={titleId} className="section-header__title">
            Ratings by interviewer
          </h2>
          <p className="section-header__description">
            Each interviewer’s rating of each question, {independent ? 'as first submitted' : 'with amendments'}. Hover
            or focus a rating to read its evidence; Escape closes it.
          </p>
        </div>
      </div>
      {grid.columns.length === 0 ? (
        <p className="grid-section__empty muted">
          No scorecard of an assessment step has been submitted yet; the ratings appear here as they arrive.
        </p>
      ) : (
        <>
          <ul className="grid-legend" aria-label="How to read the grid">
            <li>
              <span className="rating-chip rating-chip--4" aria-hidden="true">
                4
              </span>{' '}
              1 strong evidence against … 4 strong evidence for
            </li>
            <li>
              <span className="rating-chip rating-chip--none" aria-hidden="true">
                Not assessed
              </span>{' '}
              asked, not assessed (not a zero)
            </li>
            <li>
              <span className="grid-cell__not-asked" aria-hidden="true">
                —
              </span>{' '}
              not asked in that interview
            </li>
            <li>
              <span className="disagree-tag" aria-hidden="true">
                Disagreement
              </span>{' '}
              ratings two levels or more apart
            </li>
          </ul>
          <ScrollRegion label="Ratings by interviewer" className="grid-wrap">
            <table className="table interviewer-grid" aria-labelledby={titleId}>
              <thead>
                <tr>
                  <th scope="col" className="interviewer-grid__corner">
                    Question
                  </th>
                  {grid.columns.map((c) => (
                    <th key={c.scorecardId} scope="col" className="interviewer-grid__person">
                      <span className="interviewer-grid__name">{c.interviewer.name}</span>
                      <span className="interviewer-grid__step">{c.step}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              {debrief.competencies.map((competency) => (
                <tbody key={competency.key} className="interviewer-grid__group">
                  <tr className="interviewer-grid__competency">
                    <th scope="rowgroup" colSpan={grid.columns.length + 1}>
                      {competency.name}
                      {competency.disagreement ? (
                        <span className="disagree-tag disagree-tag--inline">Disagreement</span>
                      ) : null}
                    </th>
                  </tr>
                  {competency.criteria.map((criterion) => {
                    const found = rowsByCriterion.get(criterion.key);
                    if (!found) return null;
                    const disagree = disagreeing.has(criterion.key);
                    return (
                      <tr
                        key={criterion.key}
                        className={
                          disagree ? 'interviewer-grid__row interviewer-grid__row--disagree' : 'interviewer-grid__row'
                        }
                        data-criterion={criterion.key}
                      >
                        <th scope="row" className="interviewer-grid__criterion">
                          <span className="visually-hidden">{competency.name}: </span>
                          {criterion.title}
                          {disagree ? <span className="disagree-tag disagree-tag--inline">Disagreement</span> : null}
                        </th>
                        {found.row.cells.map((cell, column) => {
                          const key = `${found.index}:${column}`;
                          const person = grid.columns[column]!;
                          return (
                            <td key={person.scorecardId} className={`interviewer-grid__cell grid-cell--${cell.status}`}>
                              <GridCell
                                cell={cell}
                                tipId={`${id}-tip-${found.index}-${column}`}
                                label={`${person.interviewer.name} on ${criterion.title}`}
                                note={noteNumber.get(key)}
                                otherText={cell.other ? otherLabel(debrief.ratingsView, cell.other.rating) : null}
                                open={open === key}
                                onShow={() => show(key)}
                                onHide={(delay) => hide(key, delay)}
                                onKeep={cancelClose}
                              />
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              ))}
            </table>
          </ScrollRegion>
          {footnotes.length > 0 ? (
            <div className="grid-notes grid-print-only">
              <h3 className="grid-notes__title">Evidence</h3>
              <ol className="grid-notes__list">
                {footnotes.map((n) => (
                  <li key={n.number} value={n.number}>
                    <strong>
                      {n.interviewer} · {n.criterion}:
                    </strong>{' '}
                    {n.evidence}
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

type GridCellProps = {
  cell: DebriefGridCell;
  tipId: string;
  /** "Ines Okafor on System design", for the evidence's heading. */
  label: string;
  /** The print footnote number of this cell's evidence. */
  note: number | undefined;
  /** "Amended to: 2" / "First submitted: 4" when the other view differs. */
  otherText: string | null;
  open: boolean;
  onShow: () => void;
  onHide: (delay?: number) => void;
  onKeep: () => void;
};

function GridCell({ cell, tipId, label, note, otherText, open, onShow, onHide, onKeep }: GridCellProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [position, setPosition] = useState<CSSProperties>({});
  // Beside its cell, and kept there while the page or the grid scrolls (focus scrolls a cell into view).
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      if (!button.current) return;
      const r = button.current.getBoundingClientRect();
      const left = Math.max(8, Math.min(r.left + r.width / 2 - TIP_WIDTH / 2, window.innerWidth - TIP_WIDTH - 8));
      const below = r.bottom + 8;
      // Above the cell when there is no room below it.
      setPosition(
        below + 160 > window.innerHeight && r.top > 200
          ? { left, bottom: window.innerHeight - r.top + 8 }
          : { left, top: below },
      );
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [open]);

  if (cell.status === 'not_asked') {
    return (
      <span className="grid-cell__not-asked">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">Not asked</span>
      </span>
    );
  }
  const evidence = cell.evidence.trim();
  return (
    <>
      <button
        ref={button}
        type="button"
        className="grid-cell__button"
        aria-describedby={tipId}
        aria-expanded={open}
        onMouseEnter={onShow}
        onMouseLeave={() => onHide(CLOSE_DELAY_MS)}
        onFocus={onShow}
        onBlur={() => onHide()}
        onClick={() => (open ? onHide() : onShow())}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            onHide();
          }
        }}
      >
        <RatingChip rating={cell.rating} />
        {otherText ? (
          <span className="grid-cell__other">
            <span aria-hidden="true">→{cell.other?.rating ?? '–'}</span>
            <span className="visually-hidden">{otherText}</span>
          </span>
        ) : null}
        {evidence ? null : <span className="visually-hidden">, no evidence written</span>}
      </button>
      {note !== undefined ? (
        <sup className="grid-cell__note grid-print-only" aria-hidden="true">
          {note}
        </sup>
      ) : null}
      <span
        id={tipId}
        role="tooltip"
        className={open ? 'grid-tip grid-tip--open' : 'grid-tip'}
        style={open ? position : undefined}
        onMouseEnter={onKeep}
        onMouseLeave={() => onHide(CLOSE_DELAY_MS)}
      >
        <span className="grid-tip__head">{label}</span>
        <span className="grid-tip__body">{evidence || 'No evidence written.'}</span>
        {otherText ? <span className="grid-tip__other">{otherText}</span> : null}
      </span>
    </>
  );
}
