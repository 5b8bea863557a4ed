import type { IdentityCheck } from "@/lib/identity/signed-user-id";
import type { Decision, ExperimentDecision } from "./types";

/** What `POST /v1/decide` answers. */
export type DecideAnswer = {
  /** The visitor's profile, for server keys only (a client key's answer carries no internal id). */
  profileId?: string | null;
  decisions: Record<string, Decision>;
  unknownPlacements: string[];
  /** The experiments that decided something of this answer, and the flags asked for, by key. */
  experiments?: Record<string, ExperimentDecision>;
  /** Whether a client key's userId was signed (`unverified`: absent or wrong userHash). */
  identity?: IdentityCheck;
  /** Request traits that took no part in targeting (not among the workspace's request traits). */
  ignoredTraits?: string[];
};

/** The fields of a decision that the answer carries, in this order (the placement is the decision's key). */
export const ANSWERED_FIELDS = ["variantId", "experienceId", "content", "contentType", "reason"] as const;
/** A decision as answered. */
export type AnsweredDecision = Pick<Decision, (typeof ANSWERED_FIELDS)[number]>;
const decisionJson = (decision: Decision) => JSON.stringify(decision, ANSWERED_FIELDS as unknown as string[]);

/** `"key":{…decision…}` of the decisions the decision core shares between requests (frozen ones, see decide.ts), made once each. */
const entries = new WeakMap<Decision, { key: string; json: string }>();
function entryJson(key: string, decision: Decision): string {
  if (!Object.isFrozen(decision)) return `${JSON.stringify(key)}:${decisionJson(decision)}`;
  const made = entries.get(decision);
  if (made?.key === key) return made.json;
  const json = `${JSON.stringify(key)}:${decisionJson(decision)}`;
  entries.set(decision, { key, json });
  return json;
}

/** An experiment's answer as JSON, made once for the shared (frozen) ones decide() hands out. */
const experimentJsons = new WeakMap<ExperimentDecision, string>();
function experimentJson(e: ExperimentDecision): string {
  const made = experimentJsons.get(e);
  if (made !== undefined) return made;
  const json = JSON.stringify({ variation: e.variation, value: e.value, inExperiment: e.inExperiment });
  if (Object.isFrozen(e)) experimentJsons.set(e, json);
  return json;
}

/**
 * The decide answer as JSON text: `JSON.stringify(answer)` with each decision
 * cut to ANSWERED_FIELDS and each experiment to its variation key, value and
 * whether the visitor is in it (no internal ids), built from each decision's JSON, which for content without template outputs
 * (most of it) is made once, not on every request.
 */
export function decideAnswerJson(answer: DecideAnswer): string {
  let decisions = "";
  for (const key of Object.keys(answer.decisions))
    decisions += decisions ? `,${entryJson(key, answer.decisions[key]!)}` : entryJson(key, answer.decisions[key]!);
  const profile = answer.profileId === undefined ? "" : `"profileId":${JSON.stringify(answer.profileId)},`;
  const unknown = answer.unknownPlacements.length === 0 ? "[]" : JSON.stringify(answer.unknownPlacements);
  let experiments = "";
  if (answer.experiments) {
    for (const key in answer.experiments) {
      const json = `${JSON.stringify(key)}:${experimentJson(answer.experiments[key]!)}`;
      experiments += experiments ? `,${json}` : json;
    }
    experiments = `"experiments":{${experiments}},`;
  }
  const identity = answer.identity === undefined ? "" : `,"identity":${JSON.stringify(answer.identity)}`;
  const ignored = answer.ignoredTraits === undefined ? "" : `,"ignoredTraits":${JSON.stringify(answer.ignoredTraits)}`;
  return `{${profile}"decisions":{${decisions}},${experiments}"unknownPlacements":${unknown}${identity}${ignored}}`;
}
