import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ExperienceWhy } from "@/lib/decide/explain";

const OUTCOMES: Record<ExperienceWhy["outcome"], { icon: string; label: string; tone: BadgeTone }> = {
  served: { icon: "✓", label: "Served", tone: "success" },
  "matched-later": { icon: "=", label: "Matched, but a higher one won", tone: "accent" },
  failed: { icon: "✕", label: "Did not match", tone: "neutral" },
  "off-schedule": { icon: "◷", label: "Outside its schedule", tone: "warning" },
};

/** Each live experience in order, whether it matched this visitor and, when not, which conditions failed. */
export function WhyList({ why }: { why: ExperienceWhy[] }) {
  if (why.length === 0)
    return <p className="text-sm text-gray-500">No live experience: everyone sees the default content.</p>;
  return (
    <ol aria-label="Why" className="space-y-2">
      {why.map((w) => {
        const outcome = OUTCOMES[w.outcome];
        return (
          <li
            key={w.experienceId}
            data-testid="why-row"
            data-outcome={w.outcome}
            className="rounded-md border border-gray-200 px-3 py-2 text-sm"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="min-w-0 font-medium text-gray-900">
                <span className="mr-1 text-gray-400 tabular-nums">{w.position}.</span>
                {w.name}
              </span>
              <Badge tone={outcome.tone}>
                <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
              </Badge>
            </div>
            {w.failures.length > 0 && (
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs text-gray-600">
                {w.failures.map((f, i) => (
                  <li key={i}>{f}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
