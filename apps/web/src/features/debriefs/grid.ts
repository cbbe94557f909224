import type { Debrief, RatingsView } from '@scorecard/contracts';

/** One piece of evidence printed under the grid, numbered in reading order (row by row). */
export type GridFootnote = {
  number: number;
  row: number;
  column: number;
  interviewer: string;
  criterion: string;
  evidence: string;
};

/**
 * The evidence of every rated or "not assessed" cell that has some, numbered row by row in rubric
 * order and left to right: printed under the grid, each cell carrying its number (with the other
 * view's rating when it differs).
 */
export function gridFootnotes(debrief: Debrief): GridFootnote[] {
  const titles = new Map(debrief.competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, cr.title] as const)));
  const notes: GridFootnote[] = [];
  debrief.grid.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const evidence = cell.evidence.trim();
      if (cell.status === 'not_asked' || !evidence) return;
      notes.push({
        number: notes.length + 1,
        row: r,
        column: c,
        interviewer: debrief.grid.columns[c]!.interviewer.name,
        criterion: titles.get(row.criterionKey) ?? 'A question',
        // On paper the arrow beside a changed rating needs its words.
        evidence: cell.other ? `${evidence} (${otherLabel(debrief.ratingsView, cell.other.rating)}.)` : evidence,
      });
    });
  });
  return notes;
}

/** The other view's rating beside the one shown: "Amended to: 2", "First submitted: 4", "…: not assessed". */
export function otherLabel(view: RatingsView, rating: number | null): string {
  const value = rating === null ? 'not assessed' : String(rating);
  return `${view === 'independent' ? 'Amended to' : 'First submitted'}: ${value}`;
}
