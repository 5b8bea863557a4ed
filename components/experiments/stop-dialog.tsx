"use client";

import { useState } from "react";
import { useResults } from "@/components/results/use-results";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { resultsQuerySchema } from "@/lib/results/schema";
import { radioClasses } from "./step-props";

/** The results as the results page reads them with no choices of the reader's (the experiment's engine, Holm, 95 %). */
const DEFAULT_READ = resultsQuerySchema.parse({});

/**
 * Stops an experiment, with a winner rolled out to everyone it targets, or none (everyone gets what they had
 * before). Opened, it reads the results: the variation they recommend rolling out is chosen until the editor
 * chooses otherwise, and the recommendation is quoted.
 */
export function StopDialog({
  workspaceId,
  experimentId,
  variations,
  pending,
  onStop,
}: {
  workspaceId: string;
  experimentId: string;
  variations: { id: string; name: string; key: string }[];
  pending: boolean;
  onStop: (winnerVariationId: string | null) => Promise<{ ok: boolean }>;
}) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const results = useResults(workspaceId, experimentId, DEFAULT_READ, open);
  const recommendation = results.data?.recommendation;
  const recommended =
    recommendation?.verdict === "ship" && variations.some((v) => v.id === recommendation.winnerVariationId)
      ? recommendation.winnerVariationId
      : null;
  // the recommendation is taken once, when the results first arrive (a render-time update: React re-renders at
  // once); a later read does not change the choice
  if (open && recommendation && chosen === null) setChosen(recommended ?? "");
  const winner = chosen ?? "";
  const setWinner = (id: string) => setChosen(id);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setChosen(null); // opened again, it reads the results again
      }}
    >
      <DialogTrigger asChild>
        <Button variant="danger">Stop</Button>
      </DialogTrigger>
      <DialogContent
        title="Stop this experiment?"
        description="No one is enrolled any more and its current phase ends. Choose what its visitors get from now on."
      >
        <p className="mb-3 rounded-md bg-gray-50 px-3 py-2 text-sm text-gray-700" data-testid="stop-recommendation">
          {results.isPending
            ? "Reading the results…"
            : results.isError
              ? `The results could not be read (${results.error.message}); choose the winner yourself.`
              : `The results say: ${recommendation!.text}`}
        </p>
        <fieldset className="space-y-2">
          <legend className="sr-only">Winner</legend>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="winner"
              className={radioClasses + " mt-0.5"}
              checked={winner === ""}
              onChange={() => setWinner("")}
            />
            <span>
              <span className="font-medium text-gray-900">No winner</span>
              <span className="block text-xs text-gray-500">Everyone gets what they had before the experiment.</span>
            </span>
          </label>
          {variations.map((v) => (
            <label key={v.id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="winner"
                className={radioClasses + " mt-0.5"}
                checked={winner === v.id}
                onChange={() => setWinner(v.id)}
              />
              <span>
                <span className="font-medium text-gray-900">{v.name}</span>{" "}
                <span className="font-mono text-xs text-gray-500">{v.key}</span>
                {v.id === recommended && (
                  <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
                    recommended
                  </span>
                )}
                <span className="block text-xs text-gray-500">Rolled out to everyone the experiment targets.</span>
              </span>
            </label>
          ))}
        </fieldset>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={pending}
            disabled={chosen === null && !results.isError} // not before the results have been read
            onClick={async () => (await onStop(winner || null)).ok && setOpen(false)}
          >
            Stop experiment
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
