import { ruleGroupSchema, type RuleGroup } from "./schema";

/** A stored rule, read defensively: a rule that no longer parses matches no one rather than failing every query. */
export function storedRule(json: unknown): RuleGroup {
  const parsed = ruleGroupSchema.safeParse(json);
  return parsed.success ? parsed.data : { type: "group", id: "root", combinator: "or", children: [] };
}
