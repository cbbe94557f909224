/**
 * The recruiting pipeline: which stage moves an application may make. Active stages run in order;
 * an application moves forward to any later active stage up to the debrief (a referral may skip the
 * screen), to the offer only from the debrief, back to any earlier active stage (to correct a
 * mistake), or out as rejected or withdrawn with a reason. Hired, rejected and withdrawn are final,
 * except that the person who just made a move may undo it (`checkUndo`).
 */
export type Stage = 'applied' | 'screen' | 'interviews' | 'debrief' | 'offer' | 'hired' | 'rejected' | 'withdrawn';

export const ACTIVE_STAGES = ['applied', 'screen', 'interviews', 'debrief', 'offer'] as const;
export const STAGES: readonly Stage[] = [...ACTIVE_STAGES, 'hired', 'rejected', 'withdrawn'];
export const FINAL_STAGES: readonly Stage[] = ['hired', 'rejected', 'withdrawn'];
/** Stages that need a reason from the list, plus free text. */
export const STAGES_NEEDING_REASON: readonly Stage[] = ['rejected', 'withdrawn'];

export type MoveVerdict = { ok: true } | { ok: false; message: string };

const label = (s: Stage) => s.replace('_', ' ');

export function checkStageMove(input: { from: Stage; to: Stage; reason: string | null }): MoveVerdict {
  const { from, to, reason } = input;
  if (from === to) return { ok: false, message: `The application is already in ${label(to)}.` };
  if (FINAL_STAGES.includes(from)) {
    return {
      ok: false,
      message: `The application is ${label(from)}; that is final.`,
    };
  }
  if (STAGES_NEEDING_REASON.includes(to)) {
    return reason ? { ok: true } : { ok: false, message: `Moving to ${label(to)} needs a reason.` };
  }
  if (to === 'hired') {
    return from === 'offer'
      ? { ok: true }
      : { ok: false, message: 'Only an application at the offer stage can be hired.' };
  }
  const fromIndex = ACTIVE_STAGES.indexOf(from as (typeof ACTIVE_STAGES)[number]);
  const toIndex = ACTIVE_STAGES.indexOf(to as (typeof ACTIVE_STAGES)[number]);
  if (toIndex < fromIndex) return { ok: true };
  if (to === 'offer' && from !== 'debrief') {
    return { ok: false, message: 'An offer follows the debrief: move the application to debrief first.' };
  }
  return { ok: true };
}

/** Every stage an application in `from` may move to, for menus and keyboard moves. */
export function allowedMoves(from: Stage): Stage[] {
  return STAGES.filter((to) => checkStageMove({ from, to, reason: 'any' }).ok);
}

/**
 * Undo: the board offers it for `UNDO_OFFER_SECONDS` after a move; the API accepts it up to
 * `UNDO_WINDOW_SECONDS` after the move, the margin covering a slow network.
 */
export const UNDO_OFFER_SECONDS = 10;
export const UNDO_WINDOW_SECONDS = 30;

/** The move an undo takes back, as recorded in the application's timeline. */
export type UndoneMove = {
  id: string;
  from: Stage | null;
  to: Stage;
  by: string | null;
  at: Date;
  /** Whether this move itself undid another (an undo is not undone: move the application instead). */
  isUndo: boolean;
  /** Whether a decision (hire, no hire) made this move: the decision stays on record, so it is not undone. */
  byDecision: boolean;
};

export type UndoVerdict = { ok: true; to: Stage } | { ok: false; message: string };

/**
 * Whether `callerId` may undo move `undoOf`: only the application's latest move (nothing happened
 * since), made by the same person, at most `UNDO_WINDOW_SECONDS` ago, not its first placement, not an
 * undo, not a decision's move. The undo moves the application back to the stage it came from, even
 * out of a final stage (undoing a mistaken rejection) or forward past the one-stage rules (undoing a
 * mistaken move back): it is recorded as a move like any other, naming the move it undid.
 */
export function checkUndo(input: {
  undoOf: string;
  last: UndoneMove | null;
  callerId: string;
  now: Date;
}): UndoVerdict {
  const { undoOf, last, callerId, now } = input;
  if (!last || last.id !== undoOf) {
    return { ok: false, message: 'Only the latest move can be undone; the application has moved since.' };
  }
  if (last.from === null) return { ok: false, message: 'Applying is not a move that can be undone.' };
  if (last.isUndo) return { ok: false, message: 'An undo can’t be undone; move the application instead.' };
  if (last.byDecision) {
    return { ok: false, message: 'A move made by a decision can’t be undone; the decision stays on record.' };
  }
  if (last.by !== callerId) return { ok: false, message: 'Only the person who made a move can undo it.' };
  const age = (now.getTime() - last.at.getTime()) / 1000;
  if (age > UNDO_WINDOW_SECONDS) {
    return {
      ok: false,
      message: `A move can be undone for ${UNDO_WINDOW_SECONDS} seconds; move the application instead.`,
    };
  }
  return { ok: true, to: last.from };
}
