"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { useAction } from "./use-action";

/**
 * A dialog whose action creates something and reveals a value once (a key, a
 * link). Closing the dialog forgets the value and the field errors, so the
 * next opening starts from an empty form.
 */
export function useRevealAction<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: { success: string; reveal: (data: R) => string },
) {
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<string | null>(null);
  const { run, pending, fieldErrors, resetErrors } = useAction(action, {
    success: options.success,
    onSuccess: (data) => setRevealed(options.reveal(data)),
  });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setRevealed(null);
      resetErrors();
    }
  };
  return { open, onOpenChange, close: () => onOpenChange(false), revealed, run, pending, fieldErrors };
}
