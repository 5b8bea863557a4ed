import { Badge, type BadgeTone } from "@/components/ui/badge";

export type ExperienceStatus = "draft" | "live" | "paused";

const tones: Record<ExperienceStatus, BadgeTone> = { draft: "neutral", live: "success", paused: "warning" };
export const STATUS_LABELS: Record<ExperienceStatus, string> = { draft: "Draft", live: "Live", paused: "Paused" };

/** An experience's status: only live experiences are served. */
export function StatusBadge({ status }: { status: ExperienceStatus }) {
  return <Badge tone={tones[status]}>{STATUS_LABELS[status]}</Badge>;
}
