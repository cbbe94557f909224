/**
 * One rounding rule for every figure on screen, in print and in CSV: half away from zero, on the
 * decimal digits as written, not on the nearest binary double. `2.15` is stored as
 * 2.14999999999999991…, so `Math.round(2.15 * 10) / 10` and `(2.15).toFixed(1)` both give 2.1; a
 * person reading "2.15" expects 2.2. Shifting the decimal point in the number's own decimal text
 * (`2.15e1` is exactly 21.5) rounds what the person sees.
 */
export function roundHalfUp(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new RangeError('digits must be 0–10');
  // 15 significant digits drop the binary noise of a computed mean (2.1500000000000004 → 2.15).
  const text = Number(value.toPrecision(15));
  const sign = text < 0 ? -1 : 1;
  const shifted = shift(Math.abs(text), digits);
  const rounded = Math.floor(shifted + 0.5);
  const result = sign * shift(rounded, -digits);
  return Object.is(result, -0) ? 0 : result;
}

/** `value` × 10^`by`, done on its decimal text ("2.15" → "2.15e1"), so no binary error is added. */
function shift(value: number, by: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + by}`);
}

/** A figure with exactly `digits` decimals, rounded half away from zero: "2.2", "3.0", "−0.3". */
export function formatFixed(value: number, digits: number): string {
  return roundHalfUp(value, digits).toFixed(digits);
}
