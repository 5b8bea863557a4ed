import type { BadgeTone } from "@/components/ui/badge";
import type { ArmEffect, Verdict } from "@/lib/results/types";

/** Which way an effect went, once corrected: better or worse than the control, or neither (not significant). */
export type EffectTone = "better" | "worse" | null;

export function effectTone(effect: ArmEffect | null): EffectTone {
  if (!effect?.computable || !effect.significant) return null;
  return effect.direction;
}

/** Table cell colours: green for significantly better, red for significantly worse, none otherwise. */
export function toneCellClass(tone: EffectTone): string {
  if (tone === "better") return "bg-green-50 text-green-800 font-medium";
  if (tone === "worse") return "bg-red-50 text-red-800 font-medium";
  return "";
}

/** Chart colours of the same meaning (the forest plot's intervals). */
export function toneColor(tone: EffectTone): string {
  if (tone === "better") return "#16a34a";
  if (tone === "worse") return "#dc2626";
  return "#6b7280";
}

/** Words for a tone, so that colour is never the only signal. */
export function toneLabel(tone: EffectTone): string {
  if (tone === "better") return "Better";
  if (tone === "worse") return "Worse";
  return "Not significant";
}

export const VERDICTS: Record<Verdict, { label: string; tone: BadgeTone }> = {
  ship: { label: "Ship it", tone: "success" },
  guardrail: { label: "Guardrail hurt", tone: "warning" },
  worse: { label: "Keep the control", tone: "danger" },
  keep_running: { label: "Keep running", tone: "accent" },
  no_difference: { label: "No difference", tone: "neutral" },
  srm: { label: "Sample ratio mismatch", tone: "danger" },
  not_enough_data: { label: "Not enough data", tone: "neutral" },
};

/** Line colours per variation (the control grey), as the experiment page's charts. */
export const SERIES_COLORS = [
  "#6b7280",
  "#6366f1",
  "#10b981",
  "#f59e0b",
  "#ef4444",
  "#8b5cf6",
  "#06b6d4",
  "#ec4899",
  "#84cc16",
  "#f97316",
];
export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]!;
