import { formatLift } from "@/lib/results/format";
import type { ArmEffect, Engine, MetricResult, ResultsSettings } from "@/lib/results/types";

const MINUS = "\u2212";
const EM_DASH = "\u2014";

const signed = (text: string, x: number) => (x > 0 ? `+${text}` : x < 0 ? `${MINUS}${text}` : text);

const plain = (digits: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });
const grouped0 = plain(0);
const grouped1 = plain(1);
const grouped2 = plain(2);
const grouped4 = plain(4);

/** A number for a table: whole numbers grouped, small ones with enough decimals to tell apart. */
export function formatNumber(x: number): string {
  const a = Math.abs(x);
  if (a >= 1000) return grouped0.format(x);
  if (a >= 100) return grouped1.format(x);
  if (a >= 1 || a === 0) return grouped2.format(x);
  return grouped4.format(x);
}

/** A metric's value per unit: a conversion rate as a percentage ("7.81 %"), anything else as a number. */
export function formatMetricValue(kind: MetricResult["kind"], value: number | null): string {
  if (value === null || !Number.isFinite(value)) return EM_DASH;
  if (kind === "conversion") return `${(value * 100).toFixed(2)} %`;
  return formatNumber(value);
}

/** What the numerator and denominator of a kind of metric count. */
export function numeratorLabel(kind: MetricResult["kind"]): string {
  return { conversion: "Conversions / units", count: "Events / units", sum: "Total / units", ratio: "Total / events" }[
    kind
  ];
}

/** "−2.0 % to +13.9 %". */
export const formatInterval = ([low, high]: readonly [number, number]) => `${formatLift(low)} to ${formatLift(high)}`;

/** A p-value to three decimals, "< 0.001" below that. */
export function formatPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return EM_DASH;
  if (p < 0.001) return "< 0.001";
  return p.toFixed(3);
}

/** A probability as a percentage with one decimal, never claiming certainty ("> 99.9 %"). */
export function formatChance(c: number | null): string {
  if (c === null || !Number.isFinite(c)) return EM_DASH;
  if (c > 0.999) return "> 99.9 %";
  if (c < 0.001) return "< 0.1 %";
  return `${(c * 100).toFixed(1)} %`;
}

/** A relative expected loss as a percentage of the control's value ("0.12 %"). */
export function formatRisk(r: number | null): string {
  if (r === null || !Number.isFinite(r)) return EM_DASH;
  if (r > 0 && r < 0.0001) return "< 0.01 %";
  return `${(r * 100).toFixed(2)} %`;
}

/** An absolute difference of means: percentage points for a conversion rate ("+0.62 pp"), a signed number otherwise. */
export function formatDifference(kind: MetricResult["kind"] | undefined, x: number): string {
  if (kind === "conversion") {
    const pp = Math.round(x * 10_000) / 100;
    return pp === 0 ? "0.00 pp" : signed(`${Math.abs(pp).toFixed(2)} pp`, pp);
  }
  return signed(formatNumber(Math.abs(x)), x);
}

/** "95 %" for α = 0.05 (one decimal only when needed: "97.5 %"). */
export const formatConfidence = (alpha: number) => `${Math.round((1 - alpha) * 1000) / 10} %`;

const INTERVAL_NAMES: Record<Engine, string> = {
  frequentist: "CI",
  sequential: "confidence sequence",
  bayesian: "credible interval",
};

/** The interval's name as the engine reads it: "95 % CI", "95 % confidence sequence", "95 % credible interval". */
export const intervalLabel = (settings: Pick<ResultsSettings, "alpha" | "engine">) =>
  `${formatConfidence(settings.alpha)} ${INTERVAL_NAMES[settings.engine]}`;

/** An effect as one phrase, for titles and screen readers: "+8.1 % (−2.0 % to +13.9 %)". */
export function describeEffect(effect: ArmEffect | null): string {
  if (!effect) return "Control";
  if (!effect.computable) return effect.reason;
  return `${formatLift(effect.lift)} (${formatInterval(effect.interval)})`;
}

/** A lift on a chart axis: whole percentages when the ticks are that far apart ("+250 %"), else one decimal. */
export function formatAxisLift(x: number): string {
  const pct = Math.round(x * 1000) / 10;
  if (pct === 0) return "0 %";
  const text =
    Math.abs(pct) >= 10 || Number.isInteger(pct) ? `${Math.round(Math.abs(pct))} %` : `${Math.abs(pct).toFixed(1)} %`;
  return signed(text, pct);
}
