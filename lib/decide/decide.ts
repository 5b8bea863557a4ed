import { startEvaluation } from "@/lib/segments/evaluate";
import type { ProfileState } from "@/lib/segments/state";
import type { TemplateData } from "@/lib/content/template";
import { templateData } from "./template-data";
import type {
  DecideRequest,
  DecideResult,
  Decision,
  Snapshot,
  SnapshotExperience,
  SnapshotPlacement,
  SnapshotVariant,
  VisitorState,
} from "./types";

const EMPTY_PROFILE: ProfileState = {
  traits: {},
  computed: {
    orders: 0,
    revenue: "0",
    sessions: 0,
    eventCount: 0,
    firstSeenAt: null,
    lastSeenAt: null,
    lastOrderAt: null,
    rfmRecency: null,
    rfmFrequency: null,
    rfmMonetary: null,
  },
  events: [],
  staticSegments: new Set(),
};

/**
 * Decisions of variants without template outputs, made once per variant and
 * reason and frozen: every request served that variant gets the same object
 * (so the answer's JSON of it is made once too, see answer-json.ts).
 */
const literalDecisions = new WeakMap<SnapshotVariant, Map<Decision["reason"], Decision>>();
function literalDecision(
  placement: SnapshotPlacement,
  variant: SnapshotVariant,
  content: string,
  experienceId: string | null,
  reason: Decision["reason"],
): Decision {
  let byReason = literalDecisions.get(variant);
  if (!byReason) literalDecisions.set(variant, (byReason = new Map()));
  const made = byReason.get(reason);
  if (
    made?.experienceId === experienceId &&
    made.placementId === placement.id &&
    made.contentType === placement.contentType
  )
    return made;
  const decision = Object.freeze({
    placementId: placement.id,
    variantId: variant.id,
    experienceId,
    content,
    contentType: placement.contentType,
    reason,
  });
  byReason.set(reason, decision);
  return decision;
}

/** Whether an experience's schedule includes this instant. */
export function isScheduled(experience: Pick<SnapshotExperience, "startsAt" | "endsAt">, now: number): boolean {
  return (
    (experience.startsAt === null || now >= experience.startsAt) &&
    (experience.endsAt === null || now < experience.endsAt)
  );
}

/**
 * What each requested placement shows this visitor, and why. Pure: the
 * snapshot, what is known of the visitor and the request in, decisions out.
 * Per placement: the kill switch serves the default; without
 * personalization consent, the default; otherwise the first live, scheduled
 * experience whose rule matches, else the default. Unknown keys are
 * reported, not fatal.
 */
export function decide(snapshot: Snapshot, visitor: VisitorState, request: DecideRequest): DecideResult {
  const base = visitor.profile ?? EMPTY_PROFILE;
  const traits = request.traits ? { ...base.traits, ...request.traits } : base.traits;
  const state: ProfileState = request.traits ? { ...base, traits } : base;
  const evaluation = startEvaluation(state, request.now, request.context);
  let data: TemplateData | undefined; // built once, and only when a template reads it
  const result: DecideResult = { decisions: {}, unknownPlacements: [], empty: [] };
  const serve = (
    placement: SnapshotPlacement,
    variant: SnapshotVariant,
    experienceId: string | null,
    reason: Decision["reason"],
  ): Decision => {
    const { literal } = variant.template;
    if (literal !== null) return literalDecision(placement, variant, literal, experienceId, reason);
    const content = variant.template.render(
      (data ??= templateData(visitor.profile, traits, request.context, request.now)),
    );
    return {
      placementId: placement.id,
      variantId: variant.id,
      experienceId,
      content,
      contentType: placement.contentType,
      reason,
    };
  };
  for (const key of new Set(request.placements)) {
    const placement = snapshot.placements.get(key);
    if (!placement) {
      result.unknownPlacements.push(key);
      continue;
    }
    let decision: Decision | null = null;
    if (placement.killSwitch || !visitor.personalization) {
      if (placement.fallback)
        decision = serve(placement, placement.fallback, null, placement.killSwitch ? "kill_switch" : "no_consent");
    } else {
      const winner = placement.experiences.find((e) => isScheduled(e, request.now) && e.matches(evaluation));
      if (winner) decision = serve(placement, winner.variants[0], winner.id, "experience");
      else if (placement.fallback) decision = serve(placement, placement.fallback, null, "default");
    }
    if (decision) result.decisions[key] = decision;
    else result.empty.push(key);
  }
  return result;
}
