"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { factorialCells } from "@/lib/experiments/cells";
import type { StepProps } from "./step-props";
import { blankFactor, blankLevel, type FactorDraft, type LevelDraft } from "./wizard-state";

const MAX_FACTORS = 4;
const MAX_LEVELS = 5;
const MAX_CELLS = 32;

/** A multivariate test: factors (a placement each) with 2–5 levels of its content, and the cells they make. */
export function FactorFields({ state, patch, options, errors, editable }: StepProps) {
  const setFactor = (i: number, change: Partial<FactorDraft>) =>
    patch({ factors: state.factors.map((f, j) => (j === i ? { ...f, ...change } : f)) });
  const setLevel = (i: number, j: number, change: Partial<LevelDraft>) =>
    setFactor(i, { levels: state.factors[i]!.levels.map((l, k) => (k === j ? { ...l, ...change } : l)) });
  const cells = factorialCells(
    state.factors.map((f) => ({
      key: f.key,
      name: f.name,
      placementId: f.placementId,
      levels: f.levels.map((l) => ({ key: l.key, name: l.name, variantId: l.variantId || null })),
    })),
  );
  const locked = !editable.design;
  return (
    <div className="space-y-4">
      {state.factors.map((factor, i) => {
        const placement = options.placements.find((p) => p.id === factor.placementId);
        const at = (path: string) => fieldMessages(errors[`factors.${i}.${path}`]);
        return (
          <fieldset key={factor.uid} className="space-y-3 rounded-md border border-gray-200 p-3" data-testid="factor">
            <legend className="px-1 text-sm font-semibold text-gray-900">Factor {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_minmax(0,1fr)_auto] sm:items-start">
              <Field label={`Factor ${i + 1} name`} error={at("name")}>
                <Input value={factor.name} onChange={(e) => setFactor(i, { name: e.target.value })} disabled={locked} />
              </Field>
              <Field label={`Factor ${i + 1} key`} error={at("key")}>
                <Input
                  value={factor.key}
                  onChange={(e) => setFactor(i, { key: e.target.value })}
                  className="font-mono"
                  disabled={locked}
                />
              </Field>
              <Field label={`Factor ${i + 1} placement`} error={at("placementId")}>
                <Select
                  value={factor.placementId}
                  disabled={locked}
                  onChange={(e) =>
                    setFactor(i, {
                      placementId: e.target.value,
                      levels: factor.levels.map((l) => ({ ...l, variantId: "" })),
                    })
                  }
                >
                  <option value="">Choose a placement…</option>
                  {options.placements.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </Select>
              </Field>
              {!locked && state.factors.length > 1 && (
                <Button
                  variant="ghost"
                  size="sm"
                  className="sm:mt-6"
                  aria-label={`Remove factor ${i + 1}`}
                  onClick={() => patch({ factors: state.factors.filter((_, j) => j !== i) })}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              )}
            </div>
            <ol className="space-y-2">
              {factor.levels.map((level, j) => (
                <li
                  key={level.uid}
                  className="grid gap-2 sm:grid-cols-[6rem_minmax(0,1fr)_minmax(0,1.4fr)_auto] sm:items-start"
                >
                  <Field label={`Level ${j + 1} key`} error={at(`levels.${j}.key`)}>
                    <Input
                      value={level.key}
                      onChange={(e) => setLevel(i, j, { key: e.target.value })}
                      className="font-mono"
                      disabled={locked}
                    />
                  </Field>
                  <Field label={`Level ${j + 1} name`} error={at(`levels.${j}.name`)}>
                    <Input
                      value={level.name}
                      onChange={(e) => setLevel(i, j, { name: e.target.value })}
                      disabled={locked}
                    />
                  </Field>
                  <Field label={`Level ${j + 1} content`} error={at(`levels.${j}.variantId`)}>
                    <Select
                      value={level.variantId}
                      disabled={locked || !placement}
                      onChange={(e) => setLevel(i, j, { variantId: e.target.value })}
                    >
                      <option value="">
                        {placement ? `Default content of ${placement.name}` : "Choose a placement first"}
                      </option>
                      {placement?.contents.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {!locked && factor.levels.length > 2 && (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="sm:mt-6"
                      aria-label={`Remove level ${j + 1} of factor ${i + 1}`}
                      onClick={() => setFactor(i, { levels: factor.levels.filter((_, k) => k !== j) })}
                    >
                      <span aria-hidden="true">×</span>
                    </Button>
                  )}
                </li>
              ))}
            </ol>
            {at("levels") && <p className="text-xs font-medium text-red-600">{at("levels")}</p>}
            {!locked && factor.levels.length < MAX_LEVELS && (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setFactor(i, { levels: [...factor.levels, blankLevel(factor.levels.length)] })}
              >
                <PlusIcon /> Add a level
              </Button>
            )}
          </fieldset>
        );
      })}
      {fieldMessages(errors.factors) && (
        <p role="alert" className="text-xs font-medium text-red-600">
          {fieldMessages(errors.factors)}
        </p>
      )}
      {!locked && state.factors.length < MAX_FACTORS && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => patch({ factors: [...state.factors, blankFactor(state.factors.length)] })}
        >
          <PlusIcon /> Add a factor
        </Button>
      )}
      <div>
        <h3 className="text-sm font-semibold text-gray-900">
          {cells.length} {cells.length === 1 ? "cell" : "cells"}
          {cells.length > MAX_CELLS && <span className="ml-2 font-normal text-red-600">(at most {MAX_CELLS})</span>}
        </h3>
        <p className="text-xs text-gray-500">
          Every combination of the levels is a variation; the first is the control.
        </p>
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Cells">
          {cells.slice(0, MAX_CELLS).map((c) => (
            <li key={c.key} className="rounded bg-gray-100 px-2 py-0.5 text-xs text-gray-700">
              {c.name}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
