import type { z } from "zod";
import { runKeyAction, type WorkspaceActionDef } from "@/lib/actions/action-client";
import type { ApiCaller } from "./api-key-auth";
import { ApiError, type ApiErrorCode } from "./errors";

const CODES: Record<string, ApiErrorCode> = {
  invalid_input: "invalid_body",
  not_found: "not_found",
  forbidden: "forbidden",
  unauthenticated: "unauthorized",
  conflict: "conflict",
};

/**
 * Runs a dashboard action for the admin API: the same schema, checks and
 * audit log as in the dashboard, with the key as the actor. A refusal is the
 * API's error (field errors as `issues` with their paths); success returns
 * the action's result.
 */
export async function adminAction<S extends z.ZodType, R>(
  def: WorkspaceActionDef<S, R>,
  caller: ApiCaller,
  fields: Record<string, unknown>,
): Promise<R> {
  const result = await runKeyAction(def, caller, fields);
  if (result.ok) return result.data;
  const { code, message, fieldErrors } = result.error;
  const issues = fieldErrors
    ? Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((m) => ({ path, message: m })))
    : undefined;
  if (code === "internal") throw new Error(message);
  throw new ApiError(CODES[code] ?? "invalid_body", message, issues);
}

/** The path segment after `name` in a request's URL (`/api/v1/experiments/<id>/start` → the id), or not_found. */
export function pathSegment(url: string, name: string): string {
  const parts = new URL(url).pathname.split("/");
  const at = parts.indexOf(name);
  const value = at >= 0 ? parts[at + 1] : undefined;
  if (!value || value.length > 64) throw new ApiError("not_found", `No ${name} named in the path`);
  return decodeURIComponent(value);
}
