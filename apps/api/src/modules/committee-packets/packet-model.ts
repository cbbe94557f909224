import type { MeetingRecord } from '@scorecard/contracts';

/**
 * The committee packet as the PDF prints it: every figure formatted and every free text already
 * anonymised when asked, so the renderer only lays it out and cannot leak what the model left out.
 */
export interface PacketModel {
  organization: string;
  generatedAt: Date;
  /** Who asked for it (printed in the footer, so a copy says where it came from). */
  generatedBy: string;
  anonymised: boolean;
  /** How many extra terms the reader asked to redact (the terms themselves are never printed). */
  redactedTerms: number;
  /** The candidate's name, or the candidate code when anonymised. */
  candidate: string;
  /** "Staff Engineer at Globex", or the title alone when anonymised; null when unknown. */
  currentRole: string | null;
  opening: string;
  stage: string;
  /** The suggested file name, without a path. */
  filename: string;
  profile: { rows: [label: string, value: string][]; expectations: [label: string, text: string][] };
  rubric: {
    name: string;
    competencies: {
      name: string;
      weight: number;
      category: string;
      description: string;
      criteria: { title: string; prompt: string; probes: string[]; anchors: string[] }[];
    }[];
  } | null;
  score: {
    /** "3.3 ± 0.2", "3.3 (error unknown)", or null with no rating at all. */
    overall: string | null;
    /** The plain-language reading of the overall: what backs it and what the ± means. */
    notes: string[];
    /** Rubric weight covered by competencies with at least one rating, "75%". */
    coverage: string;
    competencies: { name: string; weight: string; score: string; n: string; spread: string; disagreement: boolean }[];
    tally: string;
  };
  disagreements: { competencies: string[]; criteria: string[]; recommendationSplit: boolean };
  evidenceGaps: { name: string; ratings: number }[];
  redFlags: { description: string; severity: string; seenBy: { interviewer: string; evidence: string }[] }[];
  dealbreaker: boolean;
  scorecards: PacketScorecard[];
  pending: { step: string; interviewer: string; due: string; overdue: boolean }[];
  meeting: MeetingRecord | null;
  decisions: { outcome: string; by: string; at: string; rationale: string; acknowledgedDealbreakers: boolean }[];
}

export interface PacketScorecard {
  step: string;
  interviewer: string;
  submittedAt: string;
  /** As first submitted; the later one, when amended, is in `amendments`. */
  recommendation: string;
  labels: string[];
  competencies: {
    name: string;
    ratings: { criterion: string; rating: string; anchor: string; amendedTo: string | null; evidence: string }[];
  }[];
  redFlags: { description: string; severity: string; evidence: string }[];
  summary: string;
  amendments: { by: string; at: string; reason: string; changes: string[] }[];
}
