import type { GoalUsage } from "@/lib/goals/db/goal-usage";

const ROLE_WORDS = { primary: "primary", secondary: "secondary", guardrail: "guardrail" } as const;

/** "3 experiments", with the split by role underneath ("1 primary · 2 guardrail") and their names on hover. */
export function GoalUsageCell({ usage }: { usage: GoalUsage }) {
  const n = usage.experiments.length;
  if (n === 0) return <span className="text-gray-400">—</span>;
  const roles = (Object.keys(ROLE_WORDS) as (keyof typeof ROLE_WORDS)[])
    .filter((role) => usage.byRole[role] > 0)
    .map((role) => `${usage.byRole[role]} ${ROLE_WORDS[role]}`);
  return (
    <span title={usage.experiments.map((e) => `${e.name} (${e.role}, ${e.status})`).join("\n")}>
      <span className="whitespace-nowrap tabular-nums">{n === 1 ? "1 experiment" : `${n} experiments`}</span>
      <span className="block text-xs whitespace-nowrap text-gray-500">{roles.join(" · ")}</span>
    </span>
  );
}
