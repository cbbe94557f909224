/**
 * The debrief meeting's two silent votes (issue 24, "estimate, talk, estimate"): who moved between
 * the first and the second vote, and whether toward the others' first-round mean (a sign of
 * conformity) or away from it. Pure rules; the meeting record holds the votes.
 */

export type Movement = 'stayed' | 'toward' | 'away';

/**
 * One vote's movement against the mean of the OTHER members' first votes (a member cannot conform
 * to themselves): unchanged is `stayed`; ending nearer that mean than it started is `toward`
 * (crossing it but ending nearer counts as toward); ending as far or farther is `away`.
 */
export function voteMovement(first: number, second: number, othersMean: number): Movement {
  if (second === first) return 'stayed';
  return Math.abs(second - othersMean) < Math.abs(first - othersMean) ? 'toward' : 'away';
}

export interface MemberVotes {
  member: string;
  first: number;
  second: number;
}

export interface MemberMovement extends MemberVotes {
  /** The mean of the other members' first votes; null with nobody else voting. */
  othersMean: number | null;
  /** null when there is no one to move toward. */
  movement: Movement | null;
}

/**
 * Each member's movement on one question (a competency or the overall recommendation, on a numeric
 * scale), and how many moved toward and away. A panel of one has no movement to speak of.
 */
export function panelMovement(votes: readonly MemberVotes[]): {
  members: MemberMovement[];
  toward: number;
  away: number;
  stayed: number;
} {
  const total = votes.reduce((s, v) => s + v.first, 0);
  const members = votes.map((v): MemberMovement => {
    const others = votes.length - 1;
    const othersMean = others > 0 ? (total - v.first) / others : null;
    return { ...v, othersMean, movement: othersMean === null ? null : voteMovement(v.first, v.second, othersMean) };
  });
  const count = (m: Movement) => members.filter((x) => x.movement === m).length;
  return { members, toward: count('toward'), away: count('away'), stayed: count('stayed') };
}

/**
 * The meeting's state machine. `round_1` and `round_2` are silent votes; `discussion` follows the
 * first reveal; `finished` follows the second; `cancelled` ends it early (the host or an admin).
 */
export type MeetingStatus = 'round_1' | 'discussion' | 'round_2' | 'finished' | 'cancelled';
export type MeetingAction = 'vote' | 'reveal' | 'open_round_2' | 'cancel';

/** The round being voted in, or null when nobody votes. */
export function votingRound(status: MeetingStatus): 1 | 2 | null {
  if (status === 'round_1') return 1;
  if (status === 'round_2') return 2;
  return null;
}

/** Whether a round's votes may be shown to anyone but their authors: only once it is revealed. */
export function roundRevealed(status: MeetingStatus, round: 1 | 2): boolean {
  if (round === 1) return status === 'discussion' || status === 'round_2' || status === 'finished';
  return status === 'finished';
}

/** Whether the meeting is still open (at most one open meeting per application). */
export function meetingOpen(status: MeetingStatus): boolean {
  return status !== 'finished' && status !== 'cancelled';
}

export interface MeetingActionInput {
  status: MeetingStatus;
  action: MeetingAction;
  /** The round the caller means (a vote or a reveal names it, so a stale screen cannot act on the next one). */
  round?: 1 | 2;
  actor: { host: boolean; member: boolean; admin: boolean };
  /** Votes cast so far in the current voting round. */
  votesCast: number;
}

export type MeetingVerdict =
  { ok: true; next: MeetingStatus } | { ok: false; code: 'forbidden' | 'invalid_transition'; message: string };

const refuse = (code: 'forbidden' | 'invalid_transition', message: string): MeetingVerdict => ({
  ok: false,
  code,
  message,
});

/**
 * Who may do what, when, and the status it leads to. Panel members (the host among them) vote in
 * an open round and may change their vote until the reveal. The host reveals a round once at
 * least one vote is in (a round also reveals itself when the last member votes: see `afterVote`),
 * and opens the second round after the discussion. The host or an admin cancels an open meeting.
 */
export function checkMeetingAction(input: MeetingActionInput): MeetingVerdict {
  const { status, action, round, actor, votesCast } = input;
  // Who may act comes first, whatever the state: a refusal never depends on how far the meeting got.
  switch (action) {
    case 'vote':
      if (!actor.member) return refuse('forbidden', 'Only members of the meeting’s panel vote.');
      break;
    case 'reveal':
      if (!actor.host) return refuse('forbidden', 'Only the meeting’s host reveals the votes.');
      break;
    case 'open_round_2':
      if (!actor.host) return refuse('forbidden', 'Only the meeting’s host opens the second round.');
      break;
    case 'cancel':
      if (!actor.host && !actor.admin) return refuse('forbidden', 'Only the meeting’s host or an admin cancels it.');
      break;
  }
  if (!meetingOpen(status)) {
    return refuse('invalid_transition', `This meeting is ${status === 'finished' ? 'finished' : 'cancelled'}.`);
  }
  const current = votingRound(status);
  switch (action) {
    case 'vote':
      if (current === null) {
        return refuse('invalid_transition', 'Votes are revealed: wait for the host to open the next round.');
      }
      if (round !== current) return refuse('invalid_transition', `Round ${current} is the one open for votes now.`);
      return { ok: true, next: status };
    case 'reveal':
      if (current === null) return refuse('invalid_transition', 'There is no silent round to reveal.');
      if (round !== current) return refuse('invalid_transition', `Round ${current} is the one to reveal now.`);
      if (votesCast === 0) return refuse('invalid_transition', 'Nobody has voted yet: there is nothing to reveal.');
      return { ok: true, next: current === 1 ? 'discussion' : 'finished' };
    case 'open_round_2':
      if (status !== 'discussion') {
        return refuse('invalid_transition', 'The second round opens after the first is revealed.');
      }
      return { ok: true, next: 'round_2' };
    case 'cancel':
      return { ok: true, next: 'cancelled' };
  }
}

/** The status after a vote: a round reveals itself when every panel member has voted in it. */
export function afterVote(status: MeetingStatus, votesCast: number, members: number): MeetingStatus {
  if (votesCast < members) return status;
  if (status === 'round_1') return 'discussion';
  if (status === 'round_2') return 'finished';
  return status;
}

/** A meeting needs someone to talk with: the host and at least one interviewer who submitted. */
export const MIN_MEETING_PANEL = 2;

/** The spread of one question's votes in a round: highest minus lowest (0 with fewer than two votes). */
export function voteSpread(votes: readonly number[]): number {
  if (votes.length < 2) return 0;
  return Math.max(...votes) - Math.min(...votes);
}

/**
 * The order the discussion takes the questions in: largest spread of the revealed votes first
 * (the disagreements), ties and agreement kept in their given (rubric) order.
 */
export function discussionOrder<K>(
  questions: readonly { key: K; votes: readonly number[] }[],
): { key: K; spread: number }[] {
  return questions
    .map((q, i) => ({ key: q.key, spread: voteSpread(q.votes), i }))
    .sort((a, b) => b.spread - a.spread || a.i - b.i)
    .map(({ key, spread }) => ({ key, spread }));
}

/** The overall recommendation on the 1–4 scale of the ratings, for movement and spread. */
export const RECOMMENDATION_SCALE = { strong_no: 1, no: 2, yes: 3, strong_yes: 4 } as const;
