"use client";

import { useState } from "react";
import { setStorePlainPii } from "@/lib/workspaces/actions";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";

/** The workspace's choice to keep plain emails and phones as traits; turning it off scrubs them, after a confirmation. */
export function PersonalDataSetting({
  workspaceId,
  storePlainPii,
  canAdmin,
}: {
  workspaceId: string;
  storePlainPii: boolean;
  canAdmin: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const save = useAction(setStorePlainPii, {
    success: (d) =>
      d.storePlainPii
        ? "Plain emails and phones will be kept"
        : `Plain emails and phones removed from ${d.scrubbed} profiles`,
  });
  return (
    <div className="flex items-start justify-between gap-4 rounded-lg border border-gray-200 bg-white p-4">
      <div>
        <p className="text-sm font-medium">Keep plain emails and phone numbers as traits</p>
        <p className="text-sm text-gray-500">
          {storePlainPii ? "On" : "Off"}. Either way they are kept as salted SHA-256 hashes to recognise people; with
          this off, nobody can read them back.
        </p>
      </div>
      {canAdmin ? (
        <Button
          variant="secondary"
          loading={save.pending}
          onClick={() => (storePlainPii ? setConfirming(true) : void save.run({ workspaceId, storePlainPii: true }))}
        >
          {storePlainPii ? "Turn off" : "Turn on"}
        </Button>
      ) : null}
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent
          title="Stop keeping plain emails and phones?"
          description="The plain values are removed from every profile now. Matching by email and phone keeps working through the hashes."
        >
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              variant="danger"
              loading={save.pending}
              onClick={async () => (await save.run({ workspaceId, storePlainPii: false })).ok && setConfirming(false)}
            >
              Remove plain values
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
