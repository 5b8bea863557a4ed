import type { RuleIssue } from "@/lib/segments/check-rule";

/** Rule issues for the builder from the server's field errors ("rule.children.0.value" → ["children", 0, "value"]). */
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
