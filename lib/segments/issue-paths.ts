import type { RuleIssue } from "./check-rule";

/**
 * A rule's issues travel from an action to the form as field errors keyed by
 * path ("rule.children.0.value"); these two are the one encoding and its
 * decoding, used by every form with a rule (segments, experiences).
 */
export function ruleFieldErrors(issues: readonly RuleIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[["rule", ...issue.path].join(".")] ??= []).push(issue.message);
  return errors;
}

/** The rule issues among a form's field errors ("rule.children.0.value" → ["children", 0, "value"]). */
export function ruleIssuesOf(fieldErrors: Record<string, string[]>): RuleIssue[] {
  return Object.entries(fieldErrors)
    .filter(([key]) => key === "rule" || key.startsWith("rule."))
    .flatMap(([key, messages]) =>
      messages.map((message) => ({
        path: key
          .split(".")
          .slice(1)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message,
      })),
    );
}
