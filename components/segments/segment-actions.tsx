"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { archiveSegment, duplicateSegment, freezeSegment, recomputeSegment } from "@/lib/segments/actions";
import { useAction } from "@/components/actions/use-action";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = {
  workspaceId: string;
  workspaceSlug: string;
  segment: { id: string; name: string; kind: "dynamic" | "static"; archived: boolean };
  canEdit: boolean;
};

/** What can be done with a segment: edit, recompute, freeze, duplicate, archive or restore, export. */
export function SegmentActions({ workspaceId, workspaceSlug, segment, canEdit }: Props) {
  const router = useRouter();
  const base = `/w/${workspaceSlug}/segments`;
  const go = (data: { segmentId: string }) => router.push(`${base}/${data.segmentId}`);
  const duplicate = useAction(duplicateSegment, { success: "Segment duplicated", onSuccess: go });
  const recompute = useAction(recomputeSegment, { success: "Members recomputed", onSuccess: () => router.refresh() });
  const archive = useAction(archiveSegment, {
    success: segment.archived ? "Segment restored" : "Segment archived",
    onSuccess: () => router.refresh(),
  });
  const ids = { workspaceId, segmentId: segment.id };
  const live = !segment.archived;
  return (
    <>
      <a className={buttonClasses("secondary", "sm")} href={`${base}/${segment.id}/export`} download>
        Export CSV
      </a>
      {canEdit && live && segment.kind === "dynamic" && (
        <>
          <Link className={buttonClasses("secondary", "sm")} href={`${base}/${segment.id}/edit`}>
            Edit
          </Link>
          <Button variant="secondary" size="sm" loading={recompute.pending} onClick={() => void recompute.run(ids)}>
            Recompute now
          </Button>
          <FreezeDialog workspaceId={workspaceId} segment={segment} onDone={go} />
        </>
      )}
      {canEdit && (
        <Button variant="secondary" size="sm" loading={duplicate.pending} onClick={() => void duplicate.run(ids)}>
          Duplicate
        </Button>
      )}
      {canEdit && live && (
        <ConfirmButton
          label="Archive"
          title={`Archive “${segment.name}”?`}
          description="It leaves the lists and pickers and is no longer recomputed. Rules that use it keep working; you can restore it."
          pending={archive.pending}
          onConfirm={() => archive.run({ ...ids, archived: true })}
        />
      )}
      {canEdit && !live && (
        <Button
          variant="secondary"
          size="sm"
          loading={archive.pending}
          onClick={() => void archive.run({ ...ids, archived: false })}
        >
          Restore
        </Button>
      )}
    </>
  );
}

function FreezeDialog({
  workspaceId,
  segment,
  onDone,
}: {
  workspaceId: string;
  segment: Props["segment"];
  onDone: (d: { segmentId: string }) => void;
}) {
  const [open, setOpen] = useState(false);
  const freeze = useAction(freezeSegment, {
    success: (d) => `Snapshot of ${d.size.toLocaleString("en-US")} profiles saved`,
    onSuccess: onDone,
  });
  const defaultName = `${segment.name} — ${new Date().toISOString().slice(0, 10)}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Freeze as static
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Freeze as a static segment"
        description="A new static segment keeps exactly the profiles that match now; it does not change afterwards."
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void freeze.run({
              workspaceId,
              segmentId: segment.id,
              name: String(new FormData(e.currentTarget).get("name") ?? ""),
            });
          }}
        >
          <Field label="Name of the snapshot" error={freeze.fieldErrors.name?.[0]}>
            <Input name="name" defaultValue={defaultName} maxLength={120} invalid={!!freeze.fieldErrors.name} />
          </Field>
          <DialogFooter>
            <Button type="submit" loading={freeze.pending}>
              Freeze
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
