/** The rules of recording a decision at the debrief. */

export type Decision = 'hire' | 'no_hire' | 'hold';

/** Where a decision moves the application: hire to offer, no hire to rejected; hold stays put. */
export function stageForDecision(decision: Decision): 'offer' | 'rejected' | null {
  return decision === 'hire' ? 'offer' : decision === 'no_hire' ? 'rejected' : null;
}

/**
 * Whether a decision may be recorded: only from the debrief stage (or a held decision's stage), and
 * hiring over a dealbreaker red flag needs an explicit acknowledgement.
 */
export function checkDecision(input: {
  decision: Decision;
  stage: string;
  dealbreakers: number;
  acknowledgedDealbreakers: boolean;
}): { ok: true } | { ok: false; message: string; code: 'wrong_stage' | 'dealbreaker_not_acknowledged' } {
  if (input.stage !== 'debrief') {
    return { ok: false, code: 'wrong_stage', message: 'A decision is made at the debrief stage.' };
  }
  if (input.decision === 'hire' && input.dealbreakers > 0 && !input.acknowledgedDealbreakers) {
    return {
      ok: false,
      code: 'dealbreaker_not_acknowledged',
      message:
        input.dealbreakers === 1
          ? 'An interviewer flagged a dealbreaker. Acknowledge it to hire anyway.'
          : `Interviewers flagged ${input.dealbreakers} dealbreakers. Acknowledge them to hire anyway.`,
    };
  }
  return { ok: true };
}
