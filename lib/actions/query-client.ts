import type { z } from "zod";
import type { Role } from "@/lib/members/roles";
import { authorize, failureFromError, fieldErrorsOf } from "./action-client";
import { failure, type ActionResult } from "./result";

export type WorkspaceQueryContext = { userId: string; workspaceId: string; role: Role };

export type WorkspaceQueryDef<S extends z.ZodType, R> = {
  name: string;
  /** The weakest role allowed (usually viewer). */
  role: Role;
  input: S;
  handler: (ctx: WorkspaceQueryContext, input: z.output<S>) => Promise<R>;
};

/** Declares a read that client components fetch (react-query) through a server action. */
export function workspaceQuery<S extends z.ZodType, R>(def: WorkspaceQueryDef<S, R>): WorkspaceQueryDef<S, R> {
  return def;
}

/** Reads go through the same session → membership → role → zod checks as mutations, without a transaction or audit row. */
export async function runWorkspaceQuery<S extends z.ZodType, R>(
  def: WorkspaceQueryDef<S, R>,
  userId: string | null,
  raw: unknown,
): Promise<ActionResult<R>> {
  const who = await authorize(userId, raw, def.role);
  if (!who.ok) return who;
  const input = def.input.safeParse(who.fields);
  if (!input.success) return failure("invalid_input", "Some fields need attention", fieldErrorsOf(input.error));
  try {
    return {
      ok: true,
      data: await def.handler({ userId: who.userId, workspaceId: who.workspaceId, role: who.role }, input.data),
    };
  } catch (error) {
    return failureFromError(def.name, error);
  }
}
