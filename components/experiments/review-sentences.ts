import type { WizardOptions } from "@/lib/experiments/db/get-wizard-options";
import { factorialCells } from "@/lib/experiments/cells";
import { describeRule } from "@/lib/segments/describe";
import { percent, ROLE_LABELS } from "./labels";
import { NEW_CONTENT, type WizardState } from "./wizard-state";

const quote = (s: string) => `“${s}”`;

/** The wizard's state in words, one line per part, for the review step. */
export function reviewSentences(
  s: WizardState,
  options: WizardOptions,
  holdoutShare: number,
): { label: string; text: string }[] {
  const placement = options.placements.find((p) => p.id === s.placementId);
  const experience = placement?.experiences.find((x) => x.id === s.experienceId);
  const variantName = (id: string) => experience?.variants.find((v) => v.id === id)?.name ?? "content not found";
  const name = s.name.trim() || "(no name yet)";
  let what: string;
  if (s.type === "ab") {
    const arms = s.arms.map((a) => {
      const armName = a.name || a.key;
      if (a.content === "") return `${armName} (default content)`;
      if (a.content === NEW_CONTENT) return `${armName} (new content)`;
      const content = variantName(a.content);
      return content === armName ? armName : `${armName} (${quote(content)})`;
    });
    what = experience
      ? `A/B/n test ${quote(name)} of the experience ${quote(experience.name)} on ${placement!.name}: ${arms.join(", ")}.`
      : `A/B/n test ${quote(name)}: no experience chosen yet.`;
  } else if (s.type === "multivariate") {
    const cells = factorialCells(
      s.factors.map((f) => ({ ...f, levels: f.levels.map((l) => ({ ...l, variantId: l.variantId || null })) })),
    );
    const factors = s.factors.map(
      (f) =>
        `${f.name} on ${options.placements.find((p) => p.id === f.placementId)?.name ?? "(no placement)"} (${f.levels.length} levels)`,
    );
    what = `Multivariate test ${quote(name)} of ${factors.join(" × ")}: ${cells.length} cells.`;
  } else {
    what = `Feature flag ${quote(name)} (key ${s.key || "…"}): ${s.arms.map((a) => `${a.name || a.key} = ${a.value.trim() || "…"}`).join(", ")}.`;
  }
  const segmentNames = new Map(options.segments.map((x) => [x.id, x.name]));
  const who =
    s.targetKind === "segment"
      ? s.segmentId
        ? `Members of the segment ${quote(segmentNames.get(s.segmentId) ?? "not found")}`
        : "A segment, not chosen yet"
      : s.targetKind === "rule"
        ? `Visitors who match: ${describeRule(s.rule, segmentNames)}`
        : "Everyone";
  const unit = s.unitType === "user_id" ? "by user id (the anonymous id before sign-in)" : "by anonymous id";
  const schedule =
    s.startsAt || s.endsAt
      ? `from ${s.startsAt ? `${s.startsAt.replace("T", " ")} UTC` : "its start"} until ${s.endsAt ? `${s.endsAt.replace("T", " ")} UTC` : "it is stopped"}`
      : "from its start until it is stopped";
  const total = s.arms.reduce((t, a) => t + (a.weight > 0 ? a.weight : 0), 0);
  const split =
    s.type === "multivariate"
      ? "Even between the cells"
      : s.bandit
        ? `A bandit: starts at ${s.arms.map((a) => `${a.name || a.key} ${total > 0 && a.weight > 0 ? percent(a.weight / total) : "—"}`).join(", ")}, then follows the primary goal every hour`
        : s.arms
            .map((a) => `${a.name || a.key} ${total > 0 && a.weight > 0 ? percent(a.weight / total) : "—"}`)
            .join(", ");
  const goals =
    s.goals.length === 0
      ? "None yet: results will have nothing to compare"
      : s.goals
          .map((g) => `${ROLE_LABELS[g.role]}: ${options.goals.find((x) => x.id === g.goalId)?.name ?? "not found"}`)
          .join("; ") +
        (s.cupedDays > 0 ? `; CUPED on the ${s.cupedDays} days before each unit's first exposure` : "; no CUPED");
  const layer = options.layers.find((l) => l.id === s.layerId);
  const traffic = `${s.coverage} % of eligible units enter${
    layer ? `, in layer ${quote(layer.name)} taking ${s.layerShare} % of it` : ", no layer"
  }${holdoutShare > 0 ? `; the workspace holdout (${percent(holdoutShare)}) never enters` : ""}.`;
  return [
    { label: "What", text: what },
    { label: "Who", text: `${who}; bucketed ${unit}; runs ${schedule}.` },
    { label: "Split", text: split },
    { label: "Goals", text: goals },
    { label: "Traffic", text: traffic },
  ];
}
