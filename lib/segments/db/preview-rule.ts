import { asTraits, profileDisplayName } from "@/lib/profiles/display";
import type { RuleIssue } from "../check-rule";
import type { RuleGroup, RuleNode } from "../schema";
import type { SegmentRef } from "../state";
import { toSql } from "../to-sql";
import { PERSONALIZABLE_SQL } from "./recompute-segment";
import { INTERACTIVE_TIMEOUT_MS, withStatementTimeout } from "./with-statement-timeout";

export type SegmentPreview =
  | {
      valid: true;
      size: number;
      total: number;
      reachable: number;
      sample: { id: string; label: string }[];
      usesContext: boolean;
      ms: number;
    }
  | { valid: false; issues: RuleIssue[] };

export const SAMPLE_SIZE = 5;

const usesContext = (node: RuleNode): boolean =>
  node.type === "group" ? node.children.some(usesContext) : node.type === "context";

/**
 * Counts a rule's profiles now, with how many can be personalized and a few
 * of them; a count that runs past `timeoutMs` is canceled and rejects with
 * SegmentQueryTimeout.
 */
export async function previewRule(
  workspaceId: string,
  rule: RuleGroup,
  refs: ReadonlyMap<string, SegmentRef>,
  timeoutMs = INTERACTIVE_TIMEOUT_MS,
): Promise<Extract<SegmentPreview, { valid: true }>> {
  const started = performance.now();
  const { predicate, values } = toSql(rule, { workspaceId, now: Date.now(), segments: refs });
  // one evaluation of the rule: its matches are counted, split by consent, and sampled together
  const { rows } = await withStatementTimeout(timeoutMs, (client) =>
    client.query<{
      size: number;
      total: number;
      reachable: number;
      sample: { id: string; traits: unknown }[] | null;
    }>(
      `WITH m AS MATERIALIZED (SELECT p.id, p.last_seen_at, ${PERSONALIZABLE_SQL} AS r FROM profiles p WHERE p.workspace_id = $1 AND ${predicate})
     SELECT (SELECT count(*) FROM m)::int AS size, (SELECT count(*) FROM m WHERE r)::int AS reachable,
            (SELECT count(*) FROM profiles WHERE workspace_id = $1)::int AS total,
            (SELECT json_agg(json_build_object('id', p.id, 'traits', p.traits))
               FROM (SELECT id FROM m ORDER BY last_seen_at DESC LIMIT ${SAMPLE_SIZE}) s JOIN profiles p ON p.id = s.id) AS sample`,
      values,
    ),
  );
  const { sample, ...c } = rows[0]!;
  return {
    valid: true,
    ...c,
    sample: (sample ?? []).map((r) => ({
      id: r.id,
      label: profileDisplayName(asTraits(r.traits)) ?? `Anonymous ${r.id.slice(-6)}`,
    })),
    usesContext: usesContext(rule),
    ms: Math.round(performance.now() - started),
  };
}
