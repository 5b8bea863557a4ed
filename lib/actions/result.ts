/** Why an action was refused; the UI maps these to messages and field errors. */
export type ActionErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid_input" | "conflict" | "internal";

export type ActionFailure = {
  ok: false;
  error: { code: ActionErrorCode; message: string; fieldErrors?: Record<string, string[]> };
};

/** What every server action returns: never a thrown error across the wire. */
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** A refusal raised inside an action handler, carried to the client as is. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

export function failure(code: ActionErrorCode, message: string, fieldErrors?: Record<string, string[]>): ActionFailure {
  return { ok: false, error: fieldErrors ? { code, message, fieldErrors } : { code, message } };
}
