"use client";

import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { fieldMessages } from "@/components/content/field-messages";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { saveLayer } from "@/lib/experiments/actions";

/** Creates a layer (a key and a name) and hands it back, so the wizard can put the experiment in it. */
export function NewLayerDialog({
  workspaceId,
  onCreated,
  disabled,
}: {
  workspaceId: string;
  onCreated: (layer: { id: string; key: string; name: string }) => void;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState("");
  const [name, setName] = useState("");
  const save = useAction(saveLayer, {
    success: "Layer created",
    onSuccess: ({ layerId }) => {
      onCreated({ id: layerId, key: key.trim(), name: name.trim() });
      setOpen(false);
      setKey("");
      setName("");
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) save.resetErrors();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" disabled={disabled}>
          <PlusIcon /> New layer
        </Button>
      </DialogTrigger>
      <DialogContent
        title="New layer"
        description="Experiments of one layer take disjoint slices of its traffic, so no visitor is in two of them."
      >
        <div className="space-y-3">
          <Field label="Layer name" error={fieldMessages(save.fieldErrors.name)}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} placeholder="Checkout" />
          </Field>
          <Field label="Layer key" error={fieldMessages(save.fieldErrors.key)}>
            <Input
              value={key}
              onChange={(e) => setKey(e.target.value)}
              maxLength={64}
              className="font-mono"
              placeholder="checkout"
            />
          </Field>
        </div>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button
            loading={save.pending}
            onClick={() => void save.run({ workspaceId, key: key.trim(), name: name.trim() })}
          >
            Create layer
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
