"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { FiltersEditor } from "@/components/segment-builder/filters-editor";
import type { SegmentCatalog } from "@/components/segment-builder/catalog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { GOAL_KINDS, goalAddsUpValue } from "@/lib/experiments/schema";
import { saveGoal } from "@/lib/goals/actions";
import { describeGoal, GOAL_KIND_HINTS, GOAL_KIND_LABELS, type GoalKind } from "@/lib/goals/describe";
import type { GoalRow } from "@/lib/goals/db/goal-row";
import {
  capPercentileOf,
  filterIssuesOf,
  goalFormFrom,
  goalInputOf,
  localGoalErrors,
  windowDaysOf,
  type GoalFormState,
} from "./goal-form";
import { SuggestInput } from "./suggest-input";

export type GoalEvents = SegmentCatalog["events"];

/**
 * The form of a new goal or of the one being edited, in a dialog: event,
 * kind, the summed property and the cap on outliers (sum and ratio goals),
 * property filters (the segment builder's editor), the window; the goal in
 * words underneath as it is typed. Field errors show next to their field; the
 * dialog closes once saved.
 */
export function GoalDialog({
  workspaceId,
  goal,
  events,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  /** The goal being edited; null for a new one. */
  goal: GoalRow | null;
  events: GoalEvents;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={goal ? `Edit “${goal.name}”` : "New goal"}
        description="What an experiment measures for each visitor it shows a variation to."
        className="sm:max-w-2xl"
      >
        {/* keyed by the goal, so that each opening starts from its stored fields and no stale errors */}
        {open && (
          <GoalForm
            key={goal?.id ?? "new"}
            workspaceId={workspaceId}
            goal={goal}
            events={events}
            onSaved={() => onOpenChange(false)}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function GoalForm({
  workspaceId,
  goal,
  events,
  onSaved,
}: {
  workspaceId: string;
  goal: GoalRow | null;
  events: GoalEvents;
  onSaved: () => void;
}) {
  const [form, setForm] = useState<GoalFormState>(() => goalFormFrom(goal));
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const save = useAction(saveGoal, { success: goal ? "Goal saved" : "Goal created", onSuccess: onSaved });
  const errors = { ...save.fieldErrors, ...local };
  const error = (field: string) => errors[field]?.[0];
  const set = (patch: Partial<GoalFormState>) => setForm((f) => ({ ...f, ...patch }));
  const properties = events.find((e) => e.name === form.eventName.trim())?.properties ?? [];
  const livePrimary = goal?.usage.livePrimary.length ?? 0;
  const addsUp = goalAddsUpValue(form.kind);
  const cap = addsUp ? capPercentileOf(form.capPercent) : null;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const found = localGoalErrors(form);
        setLocal(found);
        if (Object.keys(found).length > 0) return;
        void save.run({ workspaceId, ...(goal ? { goalId: goal.id } : {}), ...goalInputOf(form) });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" required error={error("name")}>
          <Input
            value={form.name}
            onChange={(e) => set({ name: e.target.value })}
            maxLength={120}
            invalid={!!error("name")}
          />
        </Field>
        <Field label="Description" hint="Optional: what it tells you" error={error("description")}>
          <Input value={form.description} onChange={(e) => set({ description: e.target.value })} maxLength={500} />
        </Field>
        <Field label="Event" required hint="The event name as your site sends it" error={error("eventName")}>
          <SuggestInput
            value={form.eventName}
            onChange={(e) => set({ eventName: e.target.value })}
            suggestions={events.map((e) => e.name)}
            placeholder="Order Completed"
            maxLength={200}
            invalid={!!error("eventName")}
          />
        </Field>
        <Field label="Measures" hint={GOAL_KIND_HINTS[form.kind]} error={error("kind")}>
          <Select value={form.kind} onChange={(e) => set({ kind: e.target.value as GoalKind })}>
            {GOAL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {GOAL_KIND_LABELS[kind]}
              </option>
            ))}
          </Select>
        </Field>
        {addsUp && (
          <Field
            label="Value property"
            required
            hint={
              form.kind === "ratio"
                ? "The number property to add up and divide by the number of events, e.g. revenue"
                : "The number property to add up, e.g. revenue"
            }
            error={error("valueProperty")}
          >
            <SuggestInput
              value={form.valueProperty}
              onChange={(e) => set({ valueProperty: e.target.value })}
              suggestions={properties.filter((p) => p.type === "number").map((p) => p.key)}
              placeholder="revenue"
              maxLength={120}
              invalid={!!error("valueProperty")}
            />
          </Field>
        )}
        {addsUp && (
          <Field
            label="Cap outliers at percentile"
            hint="Empty: no cap. 99: each visitor's value above the 99th percentile of all visitors' counts as that percentile"
            error={error("capPercentile")}
          >
            <Input
              inputMode="decimal"
              value={form.capPercent}
              onChange={(e) => set({ capPercent: e.target.value })}
              placeholder="99"
              maxLength={8}
              className="w-24"
              invalid={!!error("capPercentile")}
            />
          </Field>
        )}
        <Field
          label="Better when it"
          hint="Most goals are better when they rise; refunds or support tickets are better when they fall"
          error={error("lowerIsBetter")}
        >
          <Select
            value={form.lowerIsBetter ? "falls" : "rises"}
            onChange={(e) => set({ lowerIsBetter: e.target.value === "falls" })}
          >
            <option value="rises">Rises (higher is better)</option>
            <option value="falls">Falls (lower is better)</option>
          </Select>
        </Field>
        <Field
          label="Window in days"
          required
          hint="Events count within this many days of a visitor's first exposure"
          error={error("windowDays")}
        >
          <Input
            inputMode="numeric"
            value={form.windowDays}
            onChange={(e) => set({ windowDays: e.target.value })}
            className="w-24"
            invalid={!!error("windowDays")}
          />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-900">Only events where</legend>
        <div className="flex flex-wrap">
          <FiltersEditor
            filters={form.filters}
            onChange={(filters) => set({ filters })}
            properties={properties}
            issues={filterIssuesOf(save.fieldErrors)}
          />
        </div>
      </fieldset>
      <p className="rounded-md bg-gray-50 px-3 py-2 text-sm text-gray-700" data-testid="goal-in-words">
        {describeGoal({
          ...form,
          valueProperty: form.valueProperty || null,
          windowDays: windowDaysOf(form.windowDays),
          capPercentile: cap === undefined ? Number.NaN : cap,
        })}
      </p>
      {livePrimary > 0 && (
        <p className="text-xs text-amber-800">
          {livePrimary === 1 ? "A live experiment decides" : `${livePrimary} live experiments decide`} by this goal:
          their results are read with the new definition.
        </p>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" loading={save.pending}>
          {goal ? "Save goal" : "Create goal"}
        </Button>
      </DialogFooter>
    </form>
  );
}
