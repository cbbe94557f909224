/**
 * Interviewer calibration and pipeline statistics: Krippendorff's alpha, each interviewer's offset
 * from their co-panelists, medians and funnel conversion. Pure functions; the API gathers the data
 * in SQL and these compute the figures, or serve as the reference for SQL that computes them.
 */

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  /** Null when there is nothing to compare (fewer than one pairable unit, or no variation at all). */
  alpha: number | null;
  /** Units with at least two values: the sample size beside the figure. */
  units: number;
  /** Pairable values in those units. */
  values: number;
}

/**
 * Krippendorff's alpha for units (rows) coded by several observers (columns; null = not coded).
 * Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": a coincidence matrix
 * of pairable values, then alpha = 1 - (n - 1) * sum(o_ck * d2_ck) / sum(n_c * n_k * d2_ck).
 * For ordinal data the distance between c and k counts the values lying between them.
 */
export function krippendorffAlpha(units: readonly (readonly (number | null)[])[], metric: AlphaMetric): AlphaResult {
  const pairable = units
    .map((u) => u.filter((v): v is number => v !== null && Number.isFinite(v)))
    .filter((u) => u.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((c, i) => [c, i]));
  const size = categories.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const u of pairable) {
    const m = u.length;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        o[index.get(u[i]!)!]![index.get(u[j]!)!]! += 1 / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const result = { units: pairable.length, values: Math.round(n) };
  if (pairable.length === 0 || size < 2) return { alpha: null, ...result };

  const d2 = (c: number, k: number): number => {
    if (c === k) return 0;
    if (metric === 'nominal') return 1;
    if (metric === 'interval') return (categories[c]! - categories[k]!) ** 2;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g]!;
    return (sum - (nc[lo]! + nc[hi]!) / 2) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = d2(c, k);
      observed += o[c]![k]! * d;
      expected += nc[c]! * nc[k]! * d;
    }
  }
  if (expected === 0) return { alpha: null, ...result };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...result };
}

/** Fewer comparable units than this and alpha is shown greyed, as too little data to mean anything. */
export const MIN_ALPHA_UNITS = 10;
/** Fewer shared candidates than this and an interviewer's offset is shown greyed. */
export const MIN_OFFSET_CANDIDATES = 5;
/** Fewer scorecards than this and an interviewer's shares (unassessed focus, late) are shown greyed. */
export const MIN_SCORECARDS = 5;

/** A figure with its sample size, and whether that sample reaches the threshold the figure needs to mean something. */
export interface Sampled<T> {
  value: T | null;
  sample: number;
  enough: boolean;
}

/** Pairs a figure with its sample; `enough` from the threshold up (a figure below it is still given, greyed). */
export function sampled<T>(value: T | null, sample: number, threshold: number): Sampled<T> {
  return { value, sample, enough: sample >= threshold };
}

export interface PanelScore {
  /** The candidate (application) the score is for. */
  unit: string;
  interviewer: string;
  score: number;
}

/**
 * Each interviewer's mean offset from their co-panelists: on every candidate where they and at
 * least one colleague gave a score, their score minus the colleagues' mean; then the mean of those
 * differences. Positive = more lenient than the panel, negative = more severe.
 */
export function interviewerOffsets(scores: readonly PanelScore[]): Map<string, { offset: number; candidates: number }> {
  // Appending in place: copying the lists on every score made this quadratic in the organization's size.
  const byUnit = new Map<string, PanelScore[]>();
  for (const s of scores) {
    const list = byUnit.get(s.unit);
    if (list) list.push(s);
    else byUnit.set(s.unit, [s]);
  }
  const diffs = new Map<string, { sum: number; n: number }>();
  for (const unitScores of byUnit.values()) {
    for (const s of unitScores) {
      const others = unitScores.filter((o) => o.interviewer !== s.interviewer);
      if (others.length === 0) continue;
      const mean = others.reduce((a, b) => a + b.score, 0) / others.length;
      const d = diffs.get(s.interviewer) ?? { sum: 0, n: 0 };
      d.sum += s.score - mean;
      d.n += 1;
      diffs.set(s.interviewer, d);
    }
  }
  return new Map([...diffs].map(([who, d]) => [who, { offset: d.sum / d.n, candidates: d.n }]));
}

/** The median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The share of applications that reached each stage and went on to the next one, in pipeline
 * order. `reached` counts applications that were ever in the stage; conversion is reached(next) /
 * reached(stage), null when none reached the stage.
 */
export function funnelConversion<S extends string>(
  reached: readonly { stage: S; reached: number }[],
): { stage: S; reached: number; conversion: number | null }[] {
  return reached.map((s, i) => {
    const next = reached[i + 1];
    return { ...s, conversion: next === undefined || s.reached === 0 ? null : next.reached / s.reached };
  });
}
