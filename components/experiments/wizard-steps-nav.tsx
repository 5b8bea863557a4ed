"use client";

import { cn } from "@/components/ui/cn";
import { STEPS, type StepId } from "./wizard-input";

/** The wizard's steps as a numbered list; any step can be opened, and a step with field errors is marked. */
export function WizardStepsNav({
  current,
  onOpen,
  withErrors,
}: {
  current: StepId;
  onOpen: (step: StepId) => void;
  withErrors: ReadonlySet<StepId>;
}) {
  return (
    <nav aria-label="Wizard steps" className="mb-6">
      <ol className="flex flex-wrap gap-2">
        {STEPS.map((s, i) => {
          const active = s.id === current;
          const bad = withErrors.has(s.id);
          return (
            <li key={s.id}>
              <button
                type="button"
                aria-current={active ? "step" : undefined}
                onClick={() => onOpen(s.id)}
                className={cn(
                  "flex items-center gap-2 rounded-full border px-3 py-1 text-sm transition-colors",
                  active
                    ? "border-accent-600 bg-accent-50 font-medium text-accent-700"
                    : "border-gray-200 bg-white text-gray-600 hover:border-gray-300 hover:text-gray-900",
                  bad && "border-red-300 text-red-700",
                )}
              >
                <span
                  className={cn(
                    "flex size-5 items-center justify-center rounded-full text-xs tabular-nums",
                    active ? "bg-accent-600 text-white" : "bg-gray-100 text-gray-600",
                    bad && "bg-red-600 text-white",
                  )}
                  aria-hidden="true"
                >
                  {bad ? "!" : i + 1}
                </span>
                {s.label}
                {bad && <span className="sr-only"> (needs attention)</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
