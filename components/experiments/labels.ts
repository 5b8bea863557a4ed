import type { BadgeTone } from "@/components/ui/badge";
import type { ExperimentStatus } from "./wizard-input";

export const TYPE_LABELS = { ab: "A/B/n", multivariate: "Multivariate", flag: "Flag" } as const;
export const ROLE_LABELS = { primary: "Primary", secondary: "Secondary", guardrail: "Guardrail" } as const;
export const UNIT_LABELS: Record<string, string> = {
  anonymous_id: "Anonymous id (each browser)",
  user_id: "User id (signed-in customers; the anonymous id before sign-in)",
};

export const STATUS_LABELS: Record<ExperimentStatus, string> = {
  draft: "Draft",
  running: "Running",
  paused: "Paused",
  stopped: "Stopped",
  archived: "Archived",
};
export const STATUS_TONES: Record<ExperimentStatus, BadgeTone> = {
  draft: "neutral",
  running: "success",
  paused: "warning",
  stopped: "accent",
  archived: "neutral",
};

/** A share 0..1 as a percentage with at most one decimal ("33.3 %"). */
export const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;
