import { startEvaluation } from "@/lib/segments/evaluate";
import { EMPTY_PROFILE } from "@/lib/segments/state";
import { explainRule } from "@/lib/segments/explain";
import { isScheduled } from "./decide";
import type { DecideRequest, Snapshot, VisitorState } from "./types";

export type ExperienceWhy = {
  experienceId: string;
  name: string;
  position: number;
  /** served: it won; matched-later: it matched but an earlier one won; failed: its rule did not match; off-schedule. */
  outcome: "served" | "matched-later" | "failed" | "off-schedule";
  failures: string[];
};

/**
 * "Why": each live experience of a placement in order, whether its rule
 * matched this visitor and, when not, which conditions failed. The kill
 * switch and consent come first, as in `decide`.
 */
export function explainPlacement(
  snapshot: Snapshot,
  key: string,
  visitor: VisitorState,
  request: DecideRequest,
): { blockedBy: "kill_switch" | "no_consent" | null; experiences: ExperienceWhy[] } {
  const placement = snapshot.placements.get(key);
  if (!placement) return { blockedBy: null, experiences: [] };
  const base = visitor.profile ?? EMPTY_PROFILE;
  const state = request.traits ? { ...base, traits: { ...base.traits, ...request.traits } } : base;
  const ev = startEvaluation(state, request.now, request.context);
  let served = false;
  const experiences = placement.experiences.map((e, i): ExperienceWhy => {
    const common = { experienceId: e.id, name: e.name, position: i + 1 };
    if (!isScheduled(e, request.now)) return { ...common, outcome: "off-schedule", failures: [] };
    const why = explainRule(e.rule, ev, snapshot.segments);
    if (!why.matched) return { ...common, outcome: "failed", failures: why.failures };
    const outcome = served ? "matched-later" : "served";
    served = true;
    return { ...common, outcome, failures: [] };
  });
  return {
    blockedBy: placement.killSwitch ? "kill_switch" : visitor.personalization ? null : "no_consent",
    experiences,
  };
}
