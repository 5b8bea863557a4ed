"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { uploadStaticSegment } from "@/lib/segments/actions";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Uploaded = { segmentId: string; entries: number; matched: number; unmatched: number; unmatchedSample: string[] };

/** A static segment from a pasted or uploaded list of emails, user ids, anonymous ids or profile ids. */
export function UploadSegmentDialog({ workspaceId, workspaceSlug }: { workspaceId: string; workspaceSlug: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState("");
  const [done, setDone] = useState<Uploaded | null>(null);
  const upload = useAction(uploadStaticSegment, { success: "Static segment created", onSuccess: setDone });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setDone(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Upload a list</Button>
      </DialogTrigger>
      <DialogContent
        title="New static segment from a list"
        description="One email, user id, anonymous id or profile id per line (or comma-separated). Emails are matched by their hash."
      >
        {done ? (
          <div className="space-y-3 text-sm">
            <p>
              <strong>{done.matched.toLocaleString("en-US")}</strong> of {done.entries.toLocaleString("en-US")} entries
              matched a profile.
            </p>
            {done.unmatched > 0 && (
              <p className="text-gray-600">
                {done.unmatched.toLocaleString("en-US")} matched none, e.g.{" "}
                {done.unmatchedSample.slice(0, 3).join(", ")}.
              </p>
            )}
            <DialogFooter>
              <Button onClick={() => router.push(`/w/${workspaceSlug}/segments/${done.segmentId}`)}>
                Open the segment
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form
            noValidate
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              const form = new FormData(e.currentTarget);
              void upload.run({ workspaceId, name: String(form.get("name") ?? ""), description: "", entries });
            }}
          >
            <Field label="Name" error={upload.fieldErrors.name?.[0]}>
              <Input name="name" maxLength={120} invalid={!!upload.fieldErrors.name} />
            </Field>
            <Field label="File (CSV or text)" hint="Or paste below">
              <Input
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                onChange={async (e) => setEntries(await (e.target.files?.[0]?.text() ?? Promise.resolve(entries)))}
              />
            </Field>
            <Field label="Entries" error={upload.fieldErrors.entries?.[0]}>
              <textarea
                value={entries}
                onChange={(e) => setEntries(e.target.value)}
                rows={6}
                className="w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm shadow-xs focus:outline-2 focus:outline-indigo-600"
                placeholder={"ana@shop.example\nuser-1842"}
              />
            </Field>
            <DialogFooter>
              <Button type="submit" loading={upload.pending}>
                Create segment
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
