import type { DimensionKey } from "@/lib/results/sums";
import type { Correction, Engine } from "@/lib/results/types";

export const ENGINE_LABELS: Record<Engine, string> = {
  frequentist: "Frequentist",
  sequential: "Sequential",
  bayesian: "Bayesian",
};

/** One line on what each engine answers, for the engine pickers. */
export const ENGINE_HINTS: Record<Engine, string> = {
  frequentist: "A fixed-horizon test: read it once, when the planned sample is in.",
  sequential: "Always-valid confidence sequences: safe to look at every day.",
  bayesian: "The chance each variation beats the control, and the risk of choosing it.",
};

export const CORRECTION_LABELS: Record<Correction, string> = {
  holm: "Holm–Bonferroni",
  bh: "Benjamini–Hochberg (FDR)",
  none: "None",
};

export const DIMENSION_LABELS: Record<DimensionKey, string> = {
  device: "Device",
  country: "Country",
  returning: "New vs returning",
  segment: "Segment",
};

/** The confidence levels the page offers, as α. */
export const CONFIDENCE_ALPHAS = [0.1, 0.05, 0.01] as const;

export const METRIC_ROLE_LABELS = { primary: "Primary", secondary: "Secondary", guardrail: "Guardrail" } as const;

const YES = new Set(["true", "t", "1", "yes", "in", "member"]);
const NO = new Set(["false", "f", "0", "no", "out", "not_member"]);

let regionNames: Intl.DisplayNames | null | undefined;
function countryName(code: string): string | null {
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(["en"], { type: "region" });
    } catch {
      regionNames = null;
    }
  }
  try {
    const name = regionNames?.of(code.toUpperCase());
    return name && name.toUpperCase() !== code.toUpperCase() ? name : null;
  } catch {
    return null;
  }
}

/** A dimension's value as a marketer reads it: "Unknown" for none, "Returning", "Germany (DE)", "Mobile". */
export function dimensionValueLabel(key: DimensionKey, value: string): string {
  if (value === "") return "Unknown";
  const v = value.toLowerCase();
  if (key === "returning") {
    if (YES.has(v) || v === "returning") return "Returning";
    if (NO.has(v) || v === "new") return "New";
  }
  if (key === "segment") {
    if (YES.has(v)) return "In the segment";
    if (NO.has(v)) return "Not in the segment";
  }
  if (key === "country" && /^[a-z]{2}$/i.test(value)) {
    const name = countryName(value);
    return name ? `${name} (${value.toUpperCase()})` : value.toUpperCase();
  }
  if (key === "device") return value.charAt(0).toUpperCase() + value.slice(1);
  return value;
}
