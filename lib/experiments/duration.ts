/** z of the two-sided 95 % level (1 − α/2 with α = 0.05) and of 80 % power: the standard normal quantiles. */
const Z_ALPHA = 1.959963984540054;
const Z_POWER = 0.8416212335729143;

/**
 * Units per arm needed to detect a relative lift `mde` over a baseline
 * conversion rate with a two-sided two-proportion z-test at α = 0.05 and
 * 80 % power:
 *   n = (z₁₋α/₂·√(2·p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / (p₂ − p₁)², p̄ = (p₁+p₂)/2
 * Source: Fleiss, Levin & Paik, Statistical Methods for Rates and
 * Proportions (3rd ed., 2003), eq. 4.14 without continuity correction (the
 * pooled variance under the null; Evan Miller's calculator uses the
 * unpooled one and gives slightly fewer units). Null when the inputs cannot
 * give a size (a rate outside (0, 1), no lift).
 */
export function unitsPerArm(baseline: number, mde: number): number | null {
  const p1 = baseline;
  const p2 = baseline * (1 + mde);
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 === p2) return null;
  const pBar = (p1 + p2) / 2;
  const root = Z_ALPHA * Math.sqrt(2 * pBar * (1 - pBar)) + Z_POWER * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)));
}

/**
 * Days an experiment needs at the recent traffic: the units all its arms
 * need, over the units a day that it would enroll (eligible visitors ×
 * coverage × its layer share). Null when there is no traffic or no size.
 */
export function estimatedDays(input: {
  baseline: number;
  mde: number;
  arms: number;
  dailyVisitors: number;
  coverage: number;
}): number | null {
  const n = unitsPerArm(input.baseline, input.mde);
  const perDay = input.dailyVisitors * input.coverage;
  if (n === null || !(perDay > 0) || input.arms < 2) return null;
  return Math.ceil((n * input.arms) / perDay);
}
