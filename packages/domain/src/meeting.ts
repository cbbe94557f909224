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
