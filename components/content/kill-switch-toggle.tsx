"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { setKillSwitch } from "@/lib/content/actions";
import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";

type Props = { workspaceId: string; placementId: string; on: boolean; canEdit: boolean };

/** The kill switch: a toggle for editors (asking first before turning it on), a badge for viewers. */
export function KillSwitchToggle({ workspaceId, placementId, on, canEdit }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const toggle = useAction(setKillSwitch, {
    success: (d) =>
      d.killSwitch
        ? "Kill switch on: everyone sees the default content"
        : "Kill switch off: experiences are served again",
    onSuccess: () => router.refresh(),
  });
  if (!canEdit) return on ? <Badge tone="danger">Kill switch on</Badge> : null;
  return (
    <>
      <Button
        ref={button}
        variant={on ? "danger" : "secondary"}
        aria-pressed={on}
        loading={toggle.pending && !confirming}
        onClick={() => (on ? void toggle.run({ workspaceId, placementId, on: false }) : setConfirming(true))}
      >
        <span aria-hidden="true" className={cn("size-2 rounded-full", on ? "bg-white" : "bg-gray-300")} />
        Kill switch
      </Button>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            button.current?.focus();
          }}
          title="Serve only the default content to everyone, at once?"
          description="Every experience of this placement stops being served until you turn the kill switch off again."
        >
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button
              variant="danger"
              loading={toggle.pending}
              onClick={async () =>
                (await toggle.run({ workspaceId, placementId, on: true })).ok && setConfirming(false)
              }
            >
              Turn on the kill switch
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
