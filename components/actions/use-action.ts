"use client";

import { useCallback, useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";

type Options<R> = { success?: string | ((data: R) => string); onSuccess?: (data: R) => void };

/**
 * Runs a server action from a client component: pending state, field errors
 * for the form, a toast for the outcome. Refusals (forbidden, conflict, …)
 * arrive as results, never as thrown errors.
 */
export function useAction<I, R>(action: (input: I) => Promise<ActionResult<R>>, options: Options<R> = {}) {
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const { success, onSuccess } = options;

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<R>>((resolve) => {
        startTransition(async () => {
          let result: ActionResult<R>;
          try {
            result = await action(input);
          } catch {
            result = { ok: false, error: { code: "internal", message: "The server could not be reached; try again" } };
          }
          if (result.ok) {
            setFieldErrors({});
            if (success)
              toast({ title: typeof success === "function" ? success(result.data) : success, tone: "success" });
            onSuccess?.(result.data);
          } else {
            setFieldErrors(result.error.fieldErrors ?? {});
            toast({ title: result.error.message, tone: "error" });
          }
          resolve(result);
        });
      }),
    [action, success, onSuccess, toast],
  );

  return { run, pending, fieldErrors, resetErrors: () => setFieldErrors({}) };
}
