import { ActionError } from "@/lib/actions/result";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The workspace's segment with this id, locked for the change, or a not_found failure (also for another workspace's id). */
export async function requireSegment(tx: Prisma.TransactionClient, workspaceId: string, segmentId: string) {
  const segment = await tx.segment.findFirst({ where: { id: segmentId, workspaceId } });
  if (!segment) throw new ActionError("not_found", "This segment is not in this workspace");
  return segment;
}

/** Field errors for rule issues, keyed like the form's fields ("rule.children.0.value"). */
export function ruleFieldErrors(issues: { path: (string | number)[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[["rule", ...issue.path].join(".")] ??= []).push(issue.message);
  return errors;
}
