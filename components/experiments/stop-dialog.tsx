"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { radioClasses } from "./step-props";

/** Stops an experiment, with a winner rolled out to everyone it targets, or none (everyone gets what they had before). */
export function StopDialog({
  variations,
  pending,
  onStop,
}: {
  variations: { id: string; name: string; key: string }[];
  pending: boolean;
  onStop: (winnerVariationId: string | null) => Promise<{ ok: boolean }>;
}) {
  const [open, setOpen] = useState(false);
  const [winner, setWinner] = useState<string>("");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Stop</Button>
      </DialogTrigger>
      <DialogContent
        title="Stop this experiment?"
        description="No one is enrolled any more and its current phase ends. Choose what its visitors get from now on."
      >
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
            onClick={async () => (await onStop(winner || null)).ok && setOpen(false)}
          >
            Stop experiment
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
