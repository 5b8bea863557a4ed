"use client";

import { useState } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  COMPARISONS,
  RANGE_PRESETS,
  type Comparison,
  type RangePreset,
  type rangeInputSchema,
} from "@/lib/analytics/range";

export const PRESET_LABELS: Record<RangePreset, string> = {
  today: "Today",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  custom: "Custom range",
};
export const COMPARISON_LABELS: Record<Comparison, string> = {
  previous: "The period before",
  year: "The same days a year earlier",
  none: "No comparison",
};

type Change = { preset?: string; from?: string; to?: string; compare?: string };

/**
 * The range picker: a preset (ending today in the workspace's time zone) or a custom range of days applied with
 * its button, and the comparison. Errors from the URL or the server show at their field.
 */
export function RangeControls({
  input,
  errors,
  onChange,
  compare = true,
}: {
  input: z.output<typeof rangeInputSchema>;
  errors: Partial<Record<"preset" | "from" | "to" | "compare", string>>;
  onChange: (change: Change) => void;
  /** Offer the comparison period (the overview does; a funnel has none). */
  compare?: boolean;
}) {
  const [custom, setCustom] = useState(input.preset === "custom" || !!errors.from || !!errors.to);
  const [from, setFrom] = useState(input.from ?? "");
  const [to, setTo] = useState(input.to ?? "");
  const preset = custom ? "custom" : input.preset;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label="Date range" error={errors.preset} className="w-48">
        <Select
          value={preset}
          onChange={(e) => {
            const next = e.target.value as RangePreset;
            setCustom(next === "custom");
            if (next !== "custom") onChange({ preset: next });
          }}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </Select>
      </Field>
      {preset === "custom" && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            onChange({ preset: "custom", from, to });
          }}
        >
          <Field label="From" error={errors.from} className="w-44">
            <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} invalid={!!errors.from} />
          </Field>
          <Field label="To" error={errors.to} className="w-44">
            <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} invalid={!!errors.to} />
          </Field>
          <Button type="submit" variant="secondary" size="md">
            Apply
          </Button>
        </form>
      )}
      {compare && (
        <Field label="Compare with" error={errors.compare} className="w-60">
          <Select value={input.compare} onChange={(e) => onChange({ compare: e.target.value })}>
            {COMPARISONS.map((c) => (
              <option key={c} value={c}>
                {COMPARISON_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
