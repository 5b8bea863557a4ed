import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { currentUserId } from "@/lib/auth/session";
import type { ActionResult } from "./result";
import { runWorkspaceAction, type WorkspaceActionDef, type WorkspaceActionInput } from "./action-client";
import { runWorkspaceQuery, type WorkspaceQueryDef } from "./query-client";

/**
 * A workspace action as a Next.js server action: the session's user runs it
 * through the authorized action client, and the dashboard is revalidated on
 * success. Export the result from an `actions.ts` marked "use server".
 */
export function serverAction<S extends z.ZodType, R>(def: WorkspaceActionDef<S, R>) {
  return async function action(input: WorkspaceActionInput<S>): Promise<ActionResult<R>> {
    const result = await runWorkspaceAction(def, await currentUserId(), input);
    if (result.ok) revalidatePath("/w", "layout");
    return result;
  };
}

/** A workspace query as a server action, for client components that fetch with react-query. */
export function serverQuery<S extends z.ZodType, R>(def: WorkspaceQueryDef<S, R>) {
  return async function query(input: WorkspaceActionInput<S>): Promise<ActionResult<R>> {
    return runWorkspaceQuery(def, await currentUserId(), input);
  };
}
