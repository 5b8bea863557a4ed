import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unstorablePath } from "@/lib/json/storable";
import { recordAudit, type AuditActor, type AuditEntry } from "@/lib/audit/db/record-audit";
import { hasRole, type Role } from "@/lib/members/roles";
import { ActionError, failure, type ActionFailure, type ActionResult } from "./result";

/** What a workspace action's handler gets: who, where, a transaction, and the audit log. */
export type WorkspaceActionContext = {
  userId: string;
  workspaceId: string;
  role: Role;
  /** The transaction the change and its audit rows are written in. */
  db: Prisma.TransactionClient;
  audit(entry: AuditEntry): void;
  /**
   * Work to run once the transaction has committed (e.g. computing a new
   * segment's members, which other connections must see). It runs before
   * the action answers; its failure does not undo the change, and is logged,
   * except an ActionError, which becomes the action's answer (a marketer who
   * asked for the work is told it did not happen, and why).
   */
  afterCommit(work: () => Promise<unknown>): void;
};

export type WorkspaceActionDef<S extends z.ZodType, R> = {
  /** Stable name, `domain.verb`, recorded in the audit log. */
  name: string;
  /** The weakest role allowed to run it. */
  role: Role;
  input: S;
  handler: (ctx: WorkspaceActionContext, input: z.output<S>) => Promise<R>;
};

/** The raw argument of every workspace action: the target workspace and the action's own fields. */
export type WorkspaceActionInput<S extends z.ZodType> = (string extends keyof z.input<S> ? object : z.input<S>) & {
  workspaceId: string;
};

const envelopeSchema = z.object({ workspaceId: z.string().min(1).max(64) });

/** Declares a workspace action (typing only; run it with runWorkspaceAction). */
export function workspaceAction<S extends z.ZodType, R>(def: WorkspaceActionDef<S, R>): WorkspaceActionDef<S, R> {
  return def;
}

/** Field errors keyed by the path of each zod issue ("email", "rules.0.value"). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Maps anything a handler threw to a failure; unknown errors are logged and hidden. */
export function failureFromError(name: string, error: unknown): ActionResult<never> {
  if (error instanceof ActionError) return failure(error.code, error.message, error.fieldErrors);
  if (typeof error === "object" && error && "code" in error && error.code === "P2002") {
    return failure("conflict", "That already exists");
  }
  console.error(`[action ${name}]`, error);
  return failure("internal", "Something went wrong; the change was not saved");
}

/** Who is calling, in which workspace, with which fields — or why not. */
type Authorized =
  { ok: true; userId: string; workspaceId: string; role: Role; fields: Record<string, unknown> } | ActionFailure;

/**
 * Session → membership → role: the checks every action and query share. The
 * workspace comes from the input, so a member of one workspace can never act
 * in another.
 */
export async function authorize(userId: string | null, raw: unknown, required: Role): Promise<Authorized> {
  if (!userId) return failure("unauthenticated", "Sign in again to continue");
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return failure("invalid_input", "No workspace given");
  const { workspaceId } = envelope.data;
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  if (!membership) return failure("forbidden", "You are not a member of this workspace");
  if (!hasRole(membership.role, required)) {
    return failure("forbidden", `Your role (${membership.role}) cannot do this; it needs ${required} or above`);
  }
  const { workspaceId: _omit, ...fields } = raw as Record<string, unknown>;
  const bad = unstorablePath(fields); // text Postgres cannot store: refused here for every action, as a field error
  if (bad)
    return failure("invalid_input", "Some fields need attention", { [bad.path.join(".") || "_form"]: [bad.message] });
  return { ok: true, userId, workspaceId, role: membership.role, fields };
}

/**
 * The one authorized path of every mutation: session → membership → role →
 * zod input → handler in a transaction scoped to the workspace → audit rows.
 * A refusal at any step returns a failure and changes nothing.
 */
export async function runWorkspaceAction<S extends z.ZodType, R>(
  def: WorkspaceActionDef<S, R>,
  userId: string | null,
  raw: unknown,
): Promise<ActionResult<R>> {
  const who = await authorize(userId, raw, def.role);
  if (!who.ok) return who;
  return execute(def, who, { kind: "user", id: who.userId });
}

/**
 * The same path for the admin API: an admin key (`ak_`) acts in its own
 * workspace with the admin role, its input checked by the same schema and
 * its changes audited with the key as the actor. `ctx.userId` is then
 * `api-key:<key id>`: only actions that record no user may be exposed this way.
 */
export async function runKeyAction<S extends z.ZodType, R>(
  def: WorkspaceActionDef<S, R>,
  caller: { workspaceId: string; apiKeyId: string },
  fields: Record<string, unknown>,
): Promise<ActionResult<R>> {
  if (!hasRole("admin", def.role)) return failure("forbidden", `An admin key cannot do this; it needs ${def.role}`);
  const bad = unstorablePath(fields);
  if (bad)
    return failure("invalid_input", "Some fields need attention", { [bad.path.join(".") || "_form"]: [bad.message] });
  return execute(
    def,
    { userId: `api-key:${caller.apiKeyId}`, workspaceId: caller.workspaceId, role: "admin", fields },
    { kind: "api_key", id: caller.apiKeyId },
  );
}

/** Input → handler in a transaction scoped to the workspace → audit rows → after-commit work. */
async function execute<S extends z.ZodType, R>(
  def: WorkspaceActionDef<S, R>,
  who: { userId: string; workspaceId: string; role: Role; fields: Record<string, unknown> },
  actor: AuditActor,
): Promise<ActionResult<R>> {
  const input = def.input.safeParse(who.fields);
  if (!input.success) return failure("invalid_input", "Some fields need attention", fieldErrorsOf(input.error));
  const after: (() => Promise<unknown>)[] = [];
  try {
    const data = await db.$transaction(async (tx) => {
      const entries: AuditEntry[] = [];
      after.length = 0; // a retried transaction starts over
      const ctx: WorkspaceActionContext = {
        userId: who.userId,
        workspaceId: who.workspaceId,
        role: who.role,
        db: tx,
        audit: (e) => entries.push(e),
        afterCommit: (w) => after.push(w),
      };
      const result = await def.handler(ctx, input.data);
      if (entries.length === 0)
        entries.push({ action: def.name, targetType: def.name.split(".")[0] ?? def.name, after: input.data });
      await recordAudit(tx, who.workspaceId, actor, entries);
      return result;
    });
    const refusals: ActionError[] = [];
    for (const work of after)
      await work().catch((error: unknown) => {
        if (error instanceof ActionError) refusals.push(error);
        else console.error(`[action ${def.name}] after commit:`, error);
      });
    if (refusals[0]) return failureFromError(def.name, refusals[0]);
    return { ok: true, data };
  } catch (error) {
    return failureFromError(def.name, error);
  }
}
