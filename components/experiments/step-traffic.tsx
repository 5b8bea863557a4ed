"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { percent } from "./labels";
import { NewLayerDialog } from "./new-layer-dialog";
import type { StepProps } from "./step-props";

type Layer = StepProps["options"]["layers"][number];

const slider = "h-2 w-full max-w-md cursor-pointer accent-accent-600 disabled:cursor-not-allowed";

/** Step 5: the share of eligible units that enter (coverage), and the layer with the experiment's share of it. */
export function StepTraffic({
  state,
  patch,
  options,
  errors,
  editable,
  workspaceId,
  experimentId,
  onLayerCreated,
}: StepProps & { workspaceId: string; experimentId?: string; onLayerCreated: (layer: Layer) => void }) {
  const free = (layer: Layer) =>
    Math.max(0, 1 - layer.taken.filter((t) => t.experimentId !== experimentId).reduce((s, t) => s + t.share, 0));
  const layer = options.layers.find((l) => l.id === state.layerId);
  return (
    <div className="space-y-6">
      <Field
        label={`Coverage: ${state.coverage} %`}
        hint="The share of eligible units that enter; the others get what they would have without it. Lowering it later moves no one between arms."
        error={fieldMessages(errors.coverage)}
      >
        <input
          type="range"
          min={0}
          max={100}
          step={1}
          value={state.coverage}
          disabled={!editable.coverage}
          onChange={(e) => patch({ coverage: e.target.valueAsNumber })}
          className={slider}
        />
      </Field>
      {state.type !== "multivariate" && (
        <Field
          label="Bandit"
          hint="Move traffic toward the variation that does best on the primary goal, re-weighed every hour (top-two Thompson sampling; every variation keeps at least 1 %, nothing moves before each has 100 units). Results are then Bayesian, without fixed-horizon p-values. Chosen before the start."
          error={fieldMessages(errors.bandit)}
        >
          <label className="flex items-center gap-2 text-sm text-gray-900">
            <input
              type="checkbox"
              className="size-4 rounded border-gray-300 text-accent-600"
              checked={state.bandit}
              disabled={!editable.design}
              onChange={(e) => patch({ bandit: e.target.checked })}
            />
            Run as a multi-armed bandit
          </label>
        </Field>
      )}
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-gray-900">Layer</legend>
        <p className="text-xs text-gray-500">
          Optional. Experiments of one layer never share a unit: each takes a slice of the layer&apos;s traffic when it
          starts.
        </p>
        <div className="flex flex-wrap items-end gap-2">
          <Field label="Layer" error={fieldMessages(errors.layerId)} className="w-72">
            <Select
              value={state.layerId}
              disabled={!editable.layer}
              onChange={(e) => patch({ layerId: e.target.value })}
            >
              <option value="">No layer</option>
              {options.layers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} — {percent(free(l))} free
                </option>
              ))}
            </Select>
          </Field>
          <NewLayerDialog
            workspaceId={workspaceId}
            disabled={!editable.layer}
            onCreated={(created) => {
              onLayerCreated({ ...created, taken: [] });
              patch({ layerId: created.id });
            }}
          />
        </div>
        {layer && (
          <Field
            label={`Share of layer ${layer.name}: ${state.layerShare} %`}
            hint={`${percent(free(layer))} of the layer is free now; starting needs a free slice of this size.`}
            error={fieldMessages(errors.layerShare)}
          >
            <input
              type="range"
              min={1}
              max={100}
              step={1}
              value={state.layerShare}
              disabled={!editable.layer}
              onChange={(e) => patch({ layerShare: e.target.valueAsNumber })}
              className={slider}
            />
          </Field>
        )}
      </fieldset>
    </div>
  );
}
