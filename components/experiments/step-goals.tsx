"use client";

import Link from "next/link";
import { fieldMessages } from "@/components/content/field-messages";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLE_LABELS } from "./labels";
import type { StepProps } from "./step-props";
import type { WizardState } from "./wizard-state";

type Role = WizardState["goals"][number]["role"];

const ROLE_HINTS: Record<Role, string> = {
  primary: "Decides the test",
  secondary: "Read alongside",
  guardrail: "Must not get worse",
};

/** Step 4: the goals the test measures, each as primary (one at most), secondary or guardrail. */
export function StepGoals({
  state,
  patch,
  options,
  errors,
  editable,
  workspaceSlug,
}: StepProps & { workspaceSlug: string }) {
  const roleOf = (goalId: string) => state.goals.find((g) => g.goalId === goalId)?.role;
  const setRole = (goalId: string, role: Role | undefined) => {
    let goals = state.goals.filter((g) => g.goalId !== goalId);
    if (role === "primary") goals = goals.map((g) => (g.role === "primary" ? { ...g, role: "secondary" as const } : g));
    if (role) goals = [...goals, { goalId, role }];
    patch({ goals });
  };
  const goalsHref = `/w/${workspaceSlug}/goals`;
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-gray-900">Goals</legend>
      <p className="text-xs text-gray-500">
        What success means, counted per unit after its first exposure. One primary goal decides; guardrails must not get
        worse.{" "}
        <Link className="text-indigo-600 hover:underline" href={goalsHref}>
          Manage goals
        </Link>
      </p>
      {fieldMessages(errors.goals) && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {fieldMessages(errors.goals)}
        </p>
      )}
      {options.goals.length === 0 ? (
        <p className="text-sm text-gray-600">
          No goals yet.{" "}
          <Link className="text-indigo-600 hover:underline" href={goalsHref}>
            Create one on the Goals page
          </Link>
          , such as Purchase (the event Order Completed).
        </p>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-md border border-gray-200">
          {options.goals.map((goal) => {
            const role = roleOf(goal.id);
            const id = `goal-${goal.id}`;
            return (
              <li key={goal.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2">
                <label htmlFor={id} className="flex min-w-0 items-center gap-2 text-sm">
                  <input
                    id={id}
                    type="checkbox"
                    className="size-4 rounded border-gray-300 text-accent-600"
                    checked={role !== undefined}
                    disabled={!editable.goals}
                    onChange={(e) =>
                      setRole(
                        goal.id,
                        e.target.checked
                          ? state.goals.some((g) => g.role === "primary")
                            ? "secondary"
                            : "primary"
                          : undefined,
                      )
                    }
                  />
                  <span className="font-medium text-gray-900">{goal.name}</span>
                  <span className="truncate text-xs text-gray-500">
                    {goal.kind} of “{goal.eventName}”
                  </span>
                </label>
                {role && (
                  <Select
                    aria-label={`Role of ${goal.name}`}
                    value={role}
                    disabled={!editable.goals}
                    onChange={(e) => setRole(goal.id, e.target.value as Role)}
                    className="w-56"
                  >
                    {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}: {ROLE_HINTS[r].toLowerCase()}
                      </option>
                    ))}
                  </Select>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Field
        label="CUPED: days before the first exposure"
        hint="Each unit's value of the same goal in these days adjusts its result (CUPED), which narrows the intervals when behaviour before and after is related. 0 turns it off."
        error={fieldMessages(errors.cupedDays)}
        className="w-72"
      >
        <Input
          type="number"
          min={0}
          max={60}
          step={1}
          value={state.cupedDays}
          disabled={!editable.goals}
          onChange={(e) => patch({ cupedDays: e.target.valueAsNumber })}
        />
      </Field>
    </fieldset>
  );
}
