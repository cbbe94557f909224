import { z } from 'zod';
import { Uuid } from './common.js';
import { PersonRef } from './library.js';
import { Recommendation } from './scorecards.js';

/**
 * Debrief meetings: "estimate, talk, estimate" (issue 24 §1). The panel casts a silent vote per
 * competency and an overall recommendation, discusses once the votes are revealed, and votes again.
 * The votes never replace the independent scorecards: no debrief figure reads them.
 */

const Timestamp = z.iso.datetime({ offset: true });

/**
 * `round_1` and `round_2` are silent votes; `discussion` follows the first reveal; `finished`
 * follows the second; `cancelled` ended it early.
 */
export const MeetingStatus = z.enum(['round_1', 'discussion', 'round_2', 'finished', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const MeetingRound = z.union([z.literal(1), z.literal(2)]);
export type MeetingRound = z.infer<typeof MeetingRound>;

const Rating = z.number().int().min(1, 'A vote is 1 to 4.').max(4, 'A vote is 1 to 4.');

/** One member's vote in one round: a rating per competency of the rubric and an overall recommendation. */
export const MeetingVote = z
  .object({
    memberId: Uuid,
    castAt: Timestamp,
    recommendation: Recommendation,
    /** Competency key → 1 to 4, one per competency of the rubric. */
    ratings: z.record(Uuid, Rating),
  })
  .meta({ id: 'MeetingVote' });
export type MeetingVote = z.infer<typeof MeetingVote>;

/** A revealed round: every vote cast in it, in panel order. */
export const MeetingRoundRecord = z
  .object({
    round: MeetingRound,
    openedAt: Timestamp,
    revealedAt: Timestamp,
    votes: z.array(MeetingVote),
  })
  .meta({ id: 'MeetingRoundRecord' });
export type MeetingRoundRecord = z.infer<typeof MeetingRoundRecord>;

/** A member on the panel: the host and every interviewer with a submitted scorecard. */
export const MeetingMember = z.object({ id: Uuid, name: z.string(), host: z.boolean() }).meta({ id: 'MeetingMember' });
export type MeetingMember = z.infer<typeof MeetingMember>;

/** `recommendation`, or a competency key: what a vote is about. */
export const MeetingQuestionKey = z.union([Uuid, z.literal('recommendation')]);

/**
 * How one member's vote on one question moved between the rounds, against the mean of the other
 * members' first-round votes (docs/MEASUREMENT.md): `toward` it (a sign of conformity), `away`, or
 * `stayed`. The recommendation is on the same 1–4 scale (strong no 1 … strong yes 4).
 */
export const MeetingMove = z.object({
  memberId: Uuid,
  first: z.number().int().min(1).max(4),
  second: z.number().int().min(1).max(4),
  othersMean: z.number().nullable(),
  movement: z.enum(['stayed', 'toward', 'away']).nullable(),
});
export type MeetingMove = z.infer<typeof MeetingMove>;

/** Movement between the rounds, per question (the recommendation first, then competencies in rubric order). */
export const MeetingMovement = z
  .object({
    questions: z.array(
      z.object({
        key: MeetingQuestionKey,
        name: z.string(),
        /** Members who voted in both rounds. */
        members: z.array(MeetingMove),
        toward: z.number().int(),
        away: z.number().int(),
        stayed: z.number().int(),
      }),
    ),
    /** Over every question: how many votes moved toward the others' first-round mean, away, or stayed. */
    toward: z.number().int(),
    away: z.number().int(),
    stayed: z.number().int(),
  })
  .meta({ id: 'MeetingMovement' });
export type MeetingMovement = z.infer<typeof MeetingMovement>;

/**
 * A finished meeting as kept with the decision (and printed in the committee packet): the host and
 * panel, both rounds' votes, the movement between them, and the timings.
 */
export const MeetingRecord = z
  .object({
    id: Uuid,
    applicationId: Uuid,
    host: PersonRef,
    members: z.array(MeetingMember),
    /** The rubric's competencies, in rubric order. */
    competencies: z.array(z.object({ key: Uuid, name: z.string() })),
    startedAt: Timestamp,
    finishedAt: Timestamp,
    rounds: z.array(MeetingRoundRecord),
    movement: MeetingMovement,
  })
  .meta({ id: 'MeetingRecord' });
export type MeetingRecord = z.infer<typeof MeetingRecord>;

/**
 * A meeting as a caller sees it. Before a round is revealed, `rounds` leaves it out and `members`
 * says only who has voted (and when); the caller's own votes are in `mine`. `discussion` orders the
 * questions by the spread of the latest revealed round, largest first; `movement` is there once finished.
 */
export const Meeting = z
  .object({
    id: Uuid,
    applicationId: Uuid,
    status: MeetingStatus,
    host: PersonRef,
    members: z.array(
      MeetingMember.extend({
        /** When the member cast (or last changed) their vote in each round; null when not yet. */
        votedAt: z.object({ round1: Timestamp.nullable(), round2: Timestamp.nullable() }),
      }),
    ),
    competencies: z.array(z.object({ key: Uuid, name: z.string() })),
    startedAt: Timestamp,
    round1RevealedAt: Timestamp.nullable(),
    round2OpenedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
    cancelledAt: Timestamp.nullable(),
    /** The caller's own votes (null when they have not voted, or are not on the panel). */
    mine: z.object({ round1: MeetingVote.nullable(), round2: MeetingVote.nullable() }),
    /** Revealed rounds only. */
    rounds: z.array(MeetingRoundRecord),
    discussion: z.array(z.object({ key: MeetingQuestionKey, spread: z.number().int() })),
    movement: MeetingMovement.nullable(),
    /** What the caller may do now. */
    can: z.object({ vote: z.boolean(), reveal: z.boolean(), openRound2: z.boolean(), cancel: z.boolean() }),
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;

/** A line of an application's meetings, newest first. */
export const MeetingSummary = z
  .object({
    id: Uuid,
    status: MeetingStatus,
    host: PersonRef,
    startedAt: Timestamp,
    finishedAt: Timestamp.nullable(),
    cancelledAt: Timestamp.nullable(),
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const CastVoteRequest = z.strictObject({
  /** The round the vote is for: a vote for a round that is not open is refused (the screen was stale). */
  round: MeetingRound,
  recommendation: Recommendation,
  /** One rating of 1 to 4 for every competency of the meeting's rubric. */
  ratings: z
    .array(z.strictObject({ competencyKey: Uuid, rating: Rating }))
    .max(12, 'A rubric has at most 12 competencies.'),
});
export type CastVoteRequest = z.infer<typeof CastVoteRequest>;

export const RevealRoundRequest = z.strictObject({ round: MeetingRound });
export type RevealRoundRequest = z.infer<typeof RevealRoundRequest>;

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  round_1: 'Round 1: silent vote',
  discussion: 'Discussion',
  round_2: 'Round 2: silent vote',
  finished: 'Finished',
  cancelled: 'Cancelled',
};
