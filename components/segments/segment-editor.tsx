"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveSegment } from "@/lib/segments/actions";
import { useAction } from "@/components/actions/use-action";
import { SegmentBuilder, type SegmentCatalog } from "@/components/segment-builder/segment-builder";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { RuleGroup } from "@/lib/segments/schema";
import type { RuleIssue } from "@/lib/segments/check-rule";
import { ruleIssuesOf } from "@/lib/segments/issue-paths";
import { SizePanel } from "./size-panel";

type Props = {
  workspaceId: string;
  workspaceSlug: string;
  segmentId?: string;
  initial: { name: string; description: string; rule: RuleGroup };
  catalog: SegmentCatalog;
  segments: { id: string; name: string }[];
  /** Shown above the form for a new segment (template choice). */
  header?: React.ReactNode;
};

/** Name, description and rule of a dynamic segment, with its size counted live while the marketer edits. */
export function SegmentEditor({ workspaceId, workspaceSlug, segmentId, initial, catalog, segments, header }: Props) {
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [rule, setRule] = useState(initial.rule);
  const [previewIssues, setPreviewIssues] = useState<RuleIssue[]>([]);
  const save = useAction(saveSegment, {
    success: segmentId ? "Segment saved" : "Segment created",
    onSuccess: (data) => router.push(`/w/${workspaceSlug}/segments/${data.segmentId}`),
  });
  const issues = [...previewIssues, ...ruleIssuesOf(save.fieldErrors)];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save.run({ workspaceId, segmentId, name, description, rule });
      }}
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]"
    >
      <div className="min-w-0 space-y-6">
        {header}
        <Card>
          <CardContent className="grid gap-4 pt-5 sm:grid-cols-2">
            <Field label="Name" error={save.fieldErrors.name?.[0]}>
              <Input
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={120}
                required
                invalid={!!save.fieldErrors.name}
              />
            </Field>
            <Field
              label="Description"
              hint="Optional: what the segment is for"
              error={save.fieldErrors.description?.[0]}
            >
              <Input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
            </Field>
          </CardContent>
        </Card>
        <section aria-label="Rule">
          <h2 className="mb-2 text-sm font-semibold text-gray-900">Who is in it</h2>
          <SegmentBuilder
            value={rule}
            onChange={setRule}
            catalog={catalog}
            segments={segments.filter((s) => s.id !== segmentId)}
            issues={issues}
          />
        </section>
        <div className="flex gap-2">
          <Button type="submit" loading={save.pending}>
            {segmentId ? "Save segment" : "Create segment"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
        </div>
      </div>
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <SizePanel
          workspaceId={workspaceId}
          workspaceSlug={workspaceSlug}
          segmentId={segmentId}
          rule={rule}
          onIssues={setPreviewIssues}
        />
      </aside>
    </form>
  );
}
