import type { Prisma } from "@/lib/generated/prisma/client";

/** One change, as the audit log keeps it. */
export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditActor = { kind: "user" | "api_key" | "system"; id: string | null };

/** JSON-safe copy of a value for the audit log (dates as ISO strings, no secrets by construction of the callers). */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Writes audit rows with the given client (a transaction, so the change and its record land together). */
export async function recordAudit(
  client: Prisma.TransactionClient,
  workspaceId: string,
  actor: AuditActor,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await client.auditLog.createMany({
    data: entries.map((entry) => ({
      workspaceId,
      actorId: actor.kind === "user" ? actor.id : null,
      actorKind: actor.kind,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    })),
  });
}
