"use client";

import { fieldMessages } from "@/components/content/field-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { factorialCells } from "@/lib/experiments/cells";
import { percent } from "./labels";
import type { StepProps } from "./step-props";
import { evenWeights } from "./wizard-state";

/** Step 3: how traffic splits between the variations (weights, shown as shares), with an even split. */
export function StepVariations({ state, patch, errors, editable }: StepProps) {
  if (state.type === "multivariate") {
    const cells = factorialCells(
      state.factors.map((f) => ({
        ...f,
        levels: f.levels.map((l) => ({ key: l.key, name: l.name, variantId: l.variantId || null })),
      })),
    );
    return (
      <div className="space-y-3">
        <h2 className="text-sm font-semibold text-gray-900">Variations</h2>
        <p className="text-sm text-gray-600">
          A multivariate test splits traffic evenly between its {cells.length} cells (
          {cells.length > 0 ? percent(1 / cells.length) : "—"} each), so that every factor&apos;s effect can be read.
        </p>
        <ul className="space-y-1 text-sm text-gray-700">
          {cells.map((c, i) => (
            <li key={c.key}>
              <span className="font-mono text-xs text-gray-500">{c.key}</span> {c.name}
              {i === 0 && <span className="ml-1 text-xs text-gray-500">(control)</span>}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const total = state.arms.reduce((s, a) => s + (Number(a.weight) > 0 ? Number(a.weight) : 0), 0);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 className="text-sm font-semibold text-gray-900">Variations</h2>
          <p className="text-xs text-gray-500">
            Weights are relative; changing them on a running test starts a new phase (assigned units keep their arm).
          </p>
        </div>
        <Button
          variant="secondary"
          size="sm"
          disabled={!editable.weights || state.arms.length === 0}
          onClick={() => {
            const weights = evenWeights(state.arms.length);
            patch({ arms: state.arms.map((a, i) => ({ ...a, weight: weights[i]! })) });
          }}
        >
          Even split
        </Button>
      </div>
      {state.arms.length === 0 ? (
        <p className="text-sm text-gray-500">Choose what is tested first (step 1).</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Variation</TableHead>
              <TableHead>Weight</TableHead>
              <TableHead className="text-right">Share of traffic</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.arms.map((arm, i) => {
              const error = fieldMessages(errors[`variations.${i}.weight`]);
              return (
                <TableRow key={arm.uid}>
                  <TableCell>
                    <span className="font-medium text-gray-900">{arm.name || `Arm ${i + 1}`}</span>
                    {i === 0 && <span className="ml-1 text-xs text-gray-500">(control)</span>}
                  </TableCell>
                  <TableCell>
                    <Input
                      type="number"
                      min={0}
                      step="any"
                      aria-label={`Weight of ${arm.name || `arm ${i + 1}`}`}
                      value={Number.isNaN(arm.weight) ? "" : arm.weight}
                      invalid={!!error}
                      disabled={!editable.weights}
                      onChange={(e) =>
                        patch({
                          arms: state.arms.map((a, j) => (j === i ? { ...a, weight: e.target.valueAsNumber } : a)),
                        })
                      }
                      className="w-24"
                    />
                    {error && <p className="mt-1 text-xs font-medium text-red-600">{error}</p>}
                  </TableCell>
                  <TableCell className="text-right tabular-nums" data-testid="arm-share">
                    {total > 0 && Number(arm.weight) > 0 ? percent(Number(arm.weight) / total) : "—"}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
