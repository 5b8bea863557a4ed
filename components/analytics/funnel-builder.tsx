"use client";

import { useState } from "react";
import { filterIssuesOf } from "@/components/goals/goal-form";
import { SuggestInput } from "@/components/goals/suggest-input";
import type { SegmentCatalog } from "@/components/segment-builder/catalog";
import { FiltersEditor } from "@/components/segment-builder/filters-editor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FUNNEL_SPLITS, MAX_FUNNEL_STEPS, type FunnelInput, type FunnelSplit } from "@/lib/analytics/funnel";

const SPLIT_LABELS: Record<FunnelSplit, string> = {
  none: "No split",
  device: "Device",
  segment: "A segment",
  experiment: "An experiment's variations",
};

/** The errors of one step (`steps.<i>.…`) as the filter editor's issues. */
function stepFilterIssues(errors: Record<string, string[]>, index: number) {
  const prefix = `steps.${index}.`;
  return filterIssuesOf(
    Object.fromEntries(
      Object.entries(errors).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])),
    ),
  );
}

/** The funnel's definition: ordered steps with filters, the window and the split; shown when submitted. */
export function FunnelBuilder({
  initial,
  events,
  segments,
  experiments,
  errors,
  onShow,
}: {
  initial: FunnelInput;
  events: SegmentCatalog["events"];
  segments: { id: string; name: string }[];
  experiments: { id: string; name: string }[];
  errors: Record<string, string[]>;
  onShow: (funnel: FunnelInput) => void;
}) {
  const [funnel, setFunnel] = useState<FunnelInput>(initial);
  const [windowText, setWindowText] = useState(String(initial.windowDays));
  const setStep = (i: number, step: FunnelInput["steps"][number]) =>
    setFunnel((f) => ({ ...f, steps: f.steps.map((s, j) => (j === i ? step : s)) }));
  const error = (key: string) => errors[key]?.[0];
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        onShow({ ...funnel, windowDays: /^\d+$/.test(windowText.trim()) ? Number(windowText) : 0 });
      }}
    >
      <ol className="space-y-3">
        {funnel.steps.map((step, i) => {
          const properties = events.find((e) => e.name === step.eventName.trim())?.properties ?? [];
          return (
            <li key={i} className="space-y-2 rounded-md border border-gray-200 p-3" data-testid="funnel-step">
              <div className="flex flex-wrap items-end gap-3">
                <Field label={`Step ${i + 1}`} error={error(`steps.${i}.eventName`)} className="min-w-64 flex-1">
                  <SuggestInput
                    value={step.eventName}
                    onChange={(e) => setStep(i, { ...step, eventName: e.target.value })}
                    suggestions={events.map((e) => e.name)}
                    placeholder="Order Completed"
                    maxLength={200}
                    invalid={!!error(`steps.${i}.eventName`)}
                  />
                </Field>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  disabled={funnel.steps.length <= 2}
                  onClick={() => setFunnel((f) => ({ ...f, steps: f.steps.filter((_, j) => j !== i) }))}
                >
                  Remove step {i + 1}
                </Button>
              </div>
              <div className="flex flex-wrap">
                <FiltersEditor
                  filters={step.filters}
                  onChange={(filters) => setStep(i, { ...step, filters })}
                  properties={properties}
                  issues={stepFilterIssues(errors, i)}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {error("steps") && (
        <p role="alert" className="text-sm text-red-700">
          {error("steps")}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Button
          type="button"
          variant="secondary"
          size="md"
          disabled={funnel.steps.length >= MAX_FUNNEL_STEPS}
          onClick={() => setFunnel((f) => ({ ...f, steps: [...f.steps, { eventName: "", filters: [] }] }))}
        >
          Add step
        </Button>
        <Field label="Conversion window (days)" error={error("windowDays")} className="w-48">
          <Input
            inputMode="numeric"
            value={windowText}
            onChange={(e) => setWindowText(e.target.value)}
            invalid={!!error("windowDays")}
          />
        </Field>
        <Field label="Split by" className="w-56">
          <Select
            value={funnel.split}
            onChange={(e) => setFunnel((f) => ({ ...f, split: e.target.value as FunnelSplit }))}
          >
            {FUNNEL_SPLITS.map((s) => (
              <option key={s} value={s}>
                {SPLIT_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        {funnel.split === "segment" && (
          <Field label="Segment" error={error("segmentId")} className="w-56">
            <Select
              value={funnel.segmentId ?? ""}
              onChange={(e) => setFunnel((f) => ({ ...f, segmentId: e.target.value || undefined }))}
              invalid={!!error("segmentId")}
            >
              <option value="">Choose…</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {funnel.split === "experiment" && (
          <Field label="Experiment" error={error("experimentId")} className="w-56">
            <Select
              value={funnel.experimentId ?? ""}
              onChange={(e) => setFunnel((f) => ({ ...f, experimentId: e.target.value || undefined }))}
              invalid={!!error("experimentId")}
            >
              <option value="">Choose…</option>
              {experiments.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button type="submit" size="md">
          Show funnel
        </Button>
      </div>
    </form>
  );
}
