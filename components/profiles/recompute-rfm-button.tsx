"use client";

import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { recomputeRfm } from "@/lib/profiles/actions";
import { formatInteger } from "@/lib/format";

/** Editors rescore RFM now; the page reloads its figures once the action revalidates it. */
export function RecomputeRfmButton({ workspaceId }: { workspaceId: string }) {
  const action = useAction(recomputeRfm, {
    success: (d) => `RFM scores recomputed for ${formatInteger(d.scored)} buyers`,
  });
  return (
    <Button
      variant="secondary"
      loading={action.pending}
      title="Scores are quintiles among all buyers, so the whole workspace is rescored"
      onClick={() => void action.run({ workspaceId })}
    >
      Recompute RFM
    </Button>
  );
}
