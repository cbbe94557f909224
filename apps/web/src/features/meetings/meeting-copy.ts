import {
  RATING_LABELS,
  RECOMMENDATION_LABELS,
  type Meeting,
  type MeetingMove,
  type MeetingMovement,
  type MeetingStatus,
  type Recommendation,
} from '@scorecard/contracts';

/** The overall recommendation on the 1–4 scale of the ratings (strong no 1 … strong yes 4), as the API counts it. */
export const RECOMMENDATIONS: readonly Recommendation[] = ['strong_no', 'no', 'yes', 'strong_yes'];

export const STATUS_TEXT: Record<MeetingStatus, string> = {
  round_1: 'Round 1: silent vote',
  discussion: 'Discussion',
  round_2: 'Round 2: silent vote',
  finished: 'Finished',
  cancelled: 'Cancelled',
};

/** The steps of a meeting, in order, and which one a status is at (cancelled: none). */
export const STEPS = ['Round 1', 'Discussion', 'Round 2', 'Result'] as const;
export function stepIndex(status: MeetingStatus): number | null {
  const at: Record<MeetingStatus, number | null> = {
    round_1: 0,
    discussion: 1,
    round_2: 2,
    finished: 3,
    cancelled: null,
  };
  return at[status];
}

/** The question a key names: the overall recommendation, or a competency of the meeting's rubric. */
export function questionName(meeting: Pick<Meeting, 'competencies'>, key: string): string {
  if (key === 'recommendation') return 'Overall recommendation';
  return meeting.competencies.find((c) => c.key === key)?.name ?? 'A competency no longer in the rubric';
}

/** A vote's value as read aloud: "3 · Some evidence for", or a recommendation's label. */
export function valueText(key: string, value: number): string {
  if (key === 'recommendation') return RECOMMENDATION_LABELS[RECOMMENDATIONS[value - 1]!];
  return `${value} · ${RATING_LABELS[(value - 1) as 0 | 1 | 2 | 3]}`;
}

/** A short value for tables: the number, or the recommendation's label. */
export function shortValue(key: string, value: number): string {
  return key === 'recommendation' ? RECOMMENDATION_LABELS[RECOMMENDATIONS[value - 1]!] : String(value);
}

/** A mean on the 1–4 scale with one decimal: "3.0", "2.5". */
export function meanText(mean: number): string {
  return (Math.round(mean * 10 + 1e-9) / 10).toFixed(1);
}

/** One member's move on one question: "2 → 3, toward the others (3.0)", "Stayed at 2". */
export function moveText(key: string, move: MeetingMove): string {
  const from = shortValue(key, move.first);
  const to = shortValue(key, move.second);
  if (move.movement === 'stayed' || move.first === move.second) return `Stayed at ${from}`;
  const mean = move.othersMean === null ? '' : ` (${meanText(move.othersMean)})`;
  if (move.movement === 'toward') return `${from} → ${to}, toward the others’ first-round mean${mean}`;
  if (move.movement === 'away') return `${from} → ${to}, away from the others’ first-round mean${mean}`;
  return `${from} → ${to}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The result in one sentence: how many votes moved toward the others' mean, away, and stayed. */
export function movementSummary(m: MeetingMovement): string {
  const moved = m.toward + m.away;
  if (moved === 0) return `Nobody changed a vote between the rounds (${plural(m.stayed, 'vote')} stayed).`;
  return `${plural(moved, 'vote')} changed between the rounds: ${m.toward} toward the others’ first-round mean, ${m.away} away from it; ${m.stayed} stayed.`;
}

/** Who has voted in the open round: "2 of 3 have voted". */
export function votedLine(meeting: Pick<Meeting, 'status' | 'members'>): string | null {
  const round = meeting.status === 'round_1' ? 'round1' : meeting.status === 'round_2' ? 'round2' : null;
  if (!round) return null;
  const voted = meeting.members.filter((m) => m.votedAt[round] !== null).length;
  return `${voted} of ${meeting.members.length} ${voted === 1 ? 'has' : 'have'} voted`;
}

/** How long something took, in whole minutes: "4 min", "1 h 5 min"; "under a minute". */
export function tookText(fromIso: string, toIso: string): string {
  const minutes = Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/** The digit key pressed, as a vote of 1 to 4; null for any other key. */
export function voteFromKey(key: string): 1 | 2 | 3 | 4 | null {
  return key === '1' || key === '2' || key === '3' || key === '4' ? (Number(key) as 1 | 2 | 3 | 4) : null;
}

/** What a ballot still lacks, by question, in the order of the ballot. */
export function missingVotes(
  meeting: Pick<Meeting, 'competencies'>,
  ratings: Readonly<Record<string, number | undefined>>,
  recommendation: Recommendation | null,
): string[] {
  return [
    ...meeting.competencies.filter((c) => ratings[c.key] === undefined).map((c) => c.name),
    ...(recommendation ? [] : ['Overall recommendation']),
  ];
}
