"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { stepExperiment } from "@/lib/experiments/actions";

/**
 * Stops the experiment with this winner: the lifecycle's stop step, as the
 * experiment page's stop dialog runs it with a winner chosen. From then on its
 * content is served to everyone the experiment targets.
 */
export function RollOutButton({
  workspaceId,
  experimentId,
  winner,
  onDone,
}: {
  workspaceId: string;
  experimentId: string;
  winner: { id: string; name: string };
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const step = useAction(stepExperiment, { success: `${winner.name} rolled out`, onSuccess: onDone });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>Roll out {winner.name}</Button>
      </DialogTrigger>
      <DialogContent
        title={`Roll out ${winner.name}?`}
        description={`The experiment stops: no one is enrolled any more, its current phase ends, and ${winner.name}'s content is served to everyone the experiment targets from now on.`}
      >
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            loading={step.pending}
            onClick={async () => {
              const result = await step.run({ workspaceId, experimentId, step: "stop", winnerVariationId: winner.id });
              if (result.ok) setOpen(false);
            }}
          >
            Stop and roll out {winner.name}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
