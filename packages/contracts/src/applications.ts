import { z } from 'zod';
import { Stage } from './candidates.js';
import { PageQuery, Uuid, paginated } from './common.js';
import { PersonRef } from './library.js';

export const RejectionReason = z.enum([
  'skills_gap',
  'leadership_gap',
  'communication_gap',
  'expectations_mismatch',
  'compensation_mismatch',
  'position_filled',
  'other',
]);
export const WithdrawalReason = z.enum([
  'accepted_other_offer',
  'compensation',
  'role_not_a_fit',
  'coding_share',
  'personal',
  'unresponsive',
  'other',
]);
export const StageReason = z.union([RejectionReason, WithdrawalReason]);
export type StageReason = z.infer<typeof StageReason>;
export const REASON_LABELS: Record<StageReason, string> = {
  skills_gap: 'Technical skills gap',
  leadership_gap: 'Leadership gap',
  communication_gap: 'Communication gap',
  expectations_mismatch: 'Expectations don’t match the role',
  compensation_mismatch: 'Compensation mismatch',
  position_filled: 'Position filled',
  other: 'Other',
  accepted_other_offer: 'Accepted another offer',
  compensation: 'Compensation',
  role_not_a_fit: 'Role not a fit for them',
  coding_share: 'Coding share not what they want',
  personal: 'Personal reasons',
  unresponsive: 'Stopped responding',
};

export const CreateApplicationRequest = z.strictObject({ candidateId: Uuid, openingId: Uuid });
export type CreateApplicationRequest = z.infer<typeof CreateApplicationRequest>;

export const MoveApplicationRequest = z
  .strictObject({
    to: Stage,
    /** From the rejection list when rejecting, from the withdrawal list when withdrawing. */
    reason: StageReason.optional(),
    note: z.string().trim().max(2000, 'Use at most 2000 characters.').default(''),
    /** The revision the mover saw; a move based on an older one answers 409. */
    revision: z.number().int().min(0),
    /**
     * Undo: the move (of this application's timeline) this one takes back; `to` is the stage that move
     * came from. Allowed by `checkUndo` (the mover's own latest move, within 30 seconds).
     */
    undoOf: Uuid.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.undoOf && v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'An undo takes no reason.' });
    }
    if (v.to === 'rejected' && v.reason && !RejectionReason.safeParse(v.reason).success) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Choose a rejection reason.' });
    }
    if (v.to === 'withdrawn' && v.reason && !WithdrawalReason.safeParse(v.reason).success) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Choose a withdrawal reason.' });
    }
    if (v.to !== 'rejected' && v.to !== 'withdrawn' && v.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Only rejecting or withdrawing takes a reason.' });
    }
  });
export type MoveApplicationRequest = z.infer<typeof MoveApplicationRequest>;

export const StageMove = z.object({
  id: Uuid,
  from: Stage.nullable(),
  to: Stage,
  reason: StageReason.nullable(),
  note: z.string(),
  by: PersonRef.nullable(),
  at: z.iso.datetime({ offset: true }),
  /** The move this one undid, or null. */
  undoes: Uuid.nullable(),
});
export type StageMove = z.infer<typeof StageMove>;

export const Application = z
  .object({
    id: Uuid,
    candidate: z.object({ id: Uuid, name: z.string(), currentTitle: z.string(), currentCompany: z.string() }),
    opening: z.object({ id: Uuid, title: z.string() }),
    stage: Stage,
    stageEnteredAt: z.iso.datetime({ offset: true }),
    revision: z.number().int(),
    history: z.array(StageMove),
    /** Interviews scheduled and cancelled, oldest first, for the timeline beside the moves. */
    interviewEvents: z.array(
      z.object({
        kind: z.enum(['interview_scheduled', 'interview_cancelled']),
        interviewId: Uuid,
        step: z.string(),
        interviewer: PersonRef,
        startsAt: z.iso.datetime({ offset: true }),
        by: PersonRef.nullable(),
        at: z.iso.datetime({ offset: true }),
      }),
    ),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof Application>;

export const BoardCard = z.object({
  applicationId: Uuid,
  candidate: z.object({ id: Uuid, name: z.string(), currentTitle: z.string(), currentCompany: z.string() }),
  stage: Stage,
  stageEnteredAt: z.iso.datetime({ offset: true }),
  revision: z.number().int(),
  /** Submitted scorecards of the application's interviews, and how many interviews there are. */
  scorecardsIn: z.number().int(),
  interviews: z.number().int(),
  dealbreaker: z.boolean(),
  /** In an active stage for longer than the organization's `stuckDays`. */
  stuck: z.boolean(),
});
export type BoardCard = z.infer<typeof BoardCard>;

/**
 * The board answers each column's first `cardsPerColumn` cards (oldest in stage first) and its full
 * count; the rest of a column comes a page at a time from `getBoardColumn`, after `nextCursor`.
 */
export const BOARD_FIRST_PAGE = 30;
/** Cards per next page of a column by default (what the web asks for), and the most one page may have. */
export const BOARD_PAGE = 100;
export const BOARD_PAGE_MAX = 200;

/** A column's position after its last card shown: pass as `after` for the cards that follow. */
const BoardCursor = z
  .string()
  .max(300)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use the nextCursor of the column.');

export const BoardColumn = z.object({
  stage: Stage,
  count: z.number().int(),
  cards: z.array(BoardCard),
  /** Pass as `after` to `getBoardColumn` for the cards after these; null when these are the last. */
  nextCursor: z.string().nullable(),
});
export const PipelineBoard = z
  .object({
    opening: z.object({ id: Uuid, title: z.string(), status: z.string() }),
    columns: z.array(BoardColumn),
    /** Cards per column are capped; `count` is always the full number. */
    cardsPerColumn: z.number().int(),
    /** The organization's limit: a card longer than this many days in an active stage is stuck. */
    stuckDays: z.number().int(),
  })
  .meta({ id: 'PipelineBoard' });
export type PipelineBoard = z.infer<typeof PipelineBoard>;

export const BoardQuery = z.strictObject({
  cardsPerColumn: z.coerce.number().int().min(1).max(500).default(BOARD_FIRST_PAGE),
});

export const BoardColumnParams = z.strictObject({ id: Uuid, stage: Stage });
export const BoardColumnQuery = z.strictObject({
  /** The column's `nextCursor` (from the board or the previous page); absent for the first page. */
  after: BoardCursor.optional(),
  limit: z.coerce.number().int().min(1).max(BOARD_PAGE_MAX).default(BOARD_PAGE),
});
export type BoardColumnQuery = z.infer<typeof BoardColumnQuery>;

/**
 * One page of a column, oldest in stage first. Paging is by position (time entered the stage, then
 * id), never by offset: a card moved while someone pages is never shown twice in a column nor
 * skips another; a card moved in enters the stage now, so it comes on the column's last page.
 */
export const BoardColumnPage = BoardColumn.meta({ id: 'BoardColumnPage' });
export type BoardColumnPage = z.infer<typeof BoardColumnPage>;

export const ApplicationList = paginated(Application.omit({ history: true, interviewEvents: true }));
export const ApplicationListQuery = PageQuery.extend({ openingId: Uuid.optional(), stage: Stage.optional() });
