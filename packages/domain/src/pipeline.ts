/**
 * The recruiting pipeline: which stage moves an application may make. Active stages run in order;
 * an application moves one stage forward, back to any earlier active stage (to correct a mistake),
 * or out as rejected or withdrawn with a reason. Hired, rejected and withdrawn are final.
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
  if (toIndex === fromIndex + 1) return { ok: true };
  return {
    ok: false,
    message: `An application moves one stage at a time: from ${label(from)} the next stage is ${label(ACTIVE_STAGES[fromIndex + 1]!)}.`,
  };
}

/** Every stage an application in `from` may move to, for menus and keyboard moves. */
export function allowedMoves(from: Stage): Stage[] {
  return STAGES.filter((to) => checkStageMove({ from, to, reason: 'any' }).ok);
}
