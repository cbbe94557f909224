import { DecisionKind, NO_HIRE_REASON_REQUIRED, RejectionReason, type Debrief } from '@scorecard/contracts';
import { checkDecision } from '@scorecard/domain';
import { z } from 'zod';

/** The decision form's fields; the dealbreaker acknowledgement is checked by the domain's own rule. */
export function decisionFormSchema(dealbreakers: number) {
  return z
    .object({
      decision: z.union([DecisionKind, z.literal('')]),
      rationale: z
        .string()
        .trim()
        .min(1, 'Give the rationale for the decision.')
        .max(4000, 'Use at most 4000 characters.'),
      acknowledge: z.boolean(),
      rejectionReason: z.union([RejectionReason, z.literal('')]),
    })
    .superRefine((v, ctx) => {
      if (v.decision === '') {
        ctx.addIssue({ code: 'custom', path: ['decision'], message: 'Choose hire, no hire or hold.' });
        return;
      }
      const verdict = checkDecision({
        decision: v.decision,
        stage: 'debrief',
        dealbreakers,
        acknowledgedDealbreakers: v.acknowledge,
      });
      if (!verdict.ok) ctx.addIssue({ code: 'custom', path: ['acknowledge'], message: verdict.message });
      // A no hire rejects the candidate: the reason is asked for, never recorded as "Other" unasked.
      if (v.decision === 'no_hire' && v.rejectionReason === '') {
        ctx.addIssue({ code: 'custom', path: ['rejectionReason'], message: NO_HIRE_REASON_REQUIRED });
      }
    });
}

export type DecisionFormInput = z.input<ReturnType<typeof decisionFormSchema>>;
export type DecisionFormValues = z.output<ReturnType<typeof decisionFormSchema>>;

export const EMPTY_DECISION: DecisionFormInput = {
  decision: '',
  rationale: '',
  acknowledge: false,
  rejectionReason: '',
};

export const DECISION_HINTS: Record<DecisionKind, string> = {
  hire: 'Moves the application to Offer.',
  no_hire: 'Moves the application to Rejected, with the reason you choose.',
  hold: 'Keeps it in Debrief; you can decide again later.',
};

/** How many dealbreaker red flags were ticked on the submitted scorecards. */
export function dealbreakerCount(debrief: Debrief): number {
  return debrief.redFlags.filter((f) => f.severity === 'dealbreaker').length;
}
