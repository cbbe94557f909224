import { STAGE_LABELS, type Stage } from '@scorecard/contracts';
import { ACTIVE_STAGES, FINAL_STAGES, allowedMoves } from '@scorecard/domain';
import { ApiError, errorMessage } from '@/lib/api';

const DAY_MS = 86_400_000;

/** "Under a day", "1 day", "12 days": how long an application has been in its stage. */
export function timeInStage(stageEnteredAt: string, now: number): string {
  const days = Math.floor((now - Date.parse(stageEnteredAt)) / DAY_MS);
  if (days < 1) return 'Under a day';
  return days === 1 ? '1 day' : `${days} days`;
}

export function isFinal(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}

/**
 * The stage an arrow key moves to: the previous or next active stage, when that move is allowed;
 * otherwise a sentence saying why not.
 */
export function arrowMove(from: Stage, direction: -1 | 1): { to: Stage } | { refused: string } {
  if (isFinal(from)) return { refused: `${STAGE_LABELS[from]} is final; the card stays where it is.` };
  const index = ACTIVE_STAGES.indexOf(from as (typeof ACTIVE_STAGES)[number]);
  const to = ACTIVE_STAGES[index + direction];
  if (!to) {
    return {
      refused:
        direction < 0
          ? 'Applied is the first stage.'
          : 'Offer is the last active stage. Use Move to hire, reject or withdraw.',
    };
  }
  return allowedMoves(from).includes(to)
    ? { to }
    : { refused: `Can’t move from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}.` };
}

/** What the move menu says for each target stage. */
export function moveLabel(from: Stage, to: Stage): string {
  if (to === 'rejected') return 'Reject…';
  if (to === 'withdrawn') return 'Withdraw…';
  if (to === 'hired') return 'Hire';
  const back =
    ACTIVE_STAGES.indexOf(to as (typeof ACTIVE_STAGES)[number]) <
    ACTIVE_STAGES.indexOf(from as (typeof ACTIVE_STAGES)[number]);
  return back ? `Back to ${STAGE_LABELS[to]}` : `Move to ${STAGE_LABELS[to]}`;
}

/** A sentence for a refused or failed move. */
export function moveErrorMessage(error: unknown, name: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'stage_move_refused') return error.detail ?? `${name} can’t be moved there.`;
    if (error.code === 'stale_revision' || error.code === 'conflict') {
      return `Someone else moved ${name} first. The page now shows where they are; check it and move again if needed.`;
    }
    if (error.code === 'validation_failed' && error.fieldErrors.length > 0) {
      return error.fieldErrors.map((e) => e.message).join(' ');
    }
  }
  return `Couldn’t move ${name}. ${errorMessage(error)}`;
}

export function isStaleMove(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'stale_revision' || error.code === 'conflict');
}
