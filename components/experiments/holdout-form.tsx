"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setHoldout } from "@/lib/experiments/actions";

/**
 * The workspace's global holdout: the share of visitors who get no
 * personalization and no experiment, to measure the lift of it all. Admins
 * change it; everyone else reads it.
 */
export function HoldoutForm({
  workspaceId,
  share,
  canAdmin,
}: {
  workspaceId: string;
  share: number;
  canAdmin: boolean;
}) {
  const [value, setValue] = useState(String(Math.round(share * 1000) / 10));
  const save = useAction(setHoldout, { success: (d) => `Holdout set to ${Math.round(d.share * 1000) / 10} %` });
  const error = save.fieldErrors.share?.[0];
  if (!canAdmin)
    return (
      <p className="text-sm text-gray-600" data-testid="holdout-share">
        Holdout: <strong className="font-medium text-gray-900">{Math.round(share * 1000) / 10} %</strong> of visitors
        get defaults everywhere
      </p>
    );
  return (
    <form
      noValidate
      className="flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value.replace(",", "."));
        void save.run({ workspaceId, share: Number.isFinite(n) ? n / 100 : NaN });
      }}
    >
      <div>
        <div className="flex items-center gap-2">
          <label htmlFor="holdout-share" className="text-sm text-gray-700">
            Global holdout
          </label>
          <Input
            id="holdout-share"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            invalid={!!error}
            aria-describedby={error ? "holdout-share-error" : "holdout-share-hint"}
            className="w-16 text-right"
          />
          <span className="text-sm text-gray-700">%</span>
        </div>
        {error ? (
          <p id="holdout-share-error" role="alert" className="mt-1 text-xs font-medium text-red-600">
            {error}
          </p>
        ) : (
          <p id="holdout-share-hint" className="mt-1 text-xs text-gray-500">
            Gets defaults everywhere: no personalization, no experiment
          </p>
        )}
      </div>
      <Button type="submit" size="sm" variant="secondary" loading={save.pending} className="mt-0.5">
        Save
      </Button>
    </form>
  );
}
