"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { saveExperience } from "@/lib/content/actions";
import { useAction } from "@/components/actions/use-action";
import type { SegmentCatalog } from "@/components/segment-builder/segment-builder";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { RuleGroup } from "@/lib/segments/schema";
import { fieldMessages } from "./field-messages";
import { PreviewPanel } from "./preview-panel";
import { ScheduleFields, type Schedule } from "./schedule-fields";
import { STATUS_LABELS, type ExperienceStatus } from "./status-badge";
import { TargetFields, type TargetState } from "./target-fields";
import { TemplateHelp, TemplateTextarea } from "./template-textarea";
import { useBrowserTimeZone } from "./use-time-zones";

export type ExperienceDraft = {
  name: string;
  target: TargetState;
  status: ExperienceStatus;
  /** Local times; no time zone yet for a new experience (the browser's is used). */
  schedule: { startsAt: string; endsAt: string; timeZone: string | null };
  body: string;
};

type Props = {
  workspaceId: string;
  workspaceSlug: string;
  placementId: string;
  experienceId?: string;
  initial: ExperienceDraft;
  catalog: SegmentCatalog;
  segments: { id: string; name: string }[];
};

const NO_ONE = {
  kind: "rule",
  rule: { type: "group", id: "root", combinator: "or", children: [] },
} as const satisfies { kind: "rule"; rule: RuleGroup };

/** An experience's name, target, content, status and schedule, with a live preview of what visitors would see. */
export function ExperienceEditor({
  workspaceId,
  workspaceSlug,
  placementId,
  experienceId,
  initial,
  catalog,
  segments,
}: Props) {
  const router = useRouter();
  const browserZone = useBrowserTimeZone();
  const [name, setName] = useState(initial.name);
  const [targetState, setTargetState] = useState(initial.target);
  const [status, setStatus] = useState(initial.status);
  const [scheduleState, setSchedule] = useState(initial.schedule);
  const [body, setBody] = useState(initial.body);
  const schedule: Schedule = { ...scheduleState, timeZone: scheduleState.timeZone ?? browserZone };
  const target = useMemo(
    (): { kind: "segment"; segmentId: string } | { kind: "rule"; rule: RuleGroup } =>
      targetState.kind === "segment"
        ? { kind: "segment", segmentId: targetState.segmentId }
        : { kind: "rule", rule: targetState.rule },
    [targetState],
  );
  // Until a segment is chosen the draft targets no one (an empty OR), not everyone.
  const draft = useMemo(
    () => ({ experienceId, name, target: target.kind === "segment" && !target.segmentId ? NO_ONE : target, body }),
    [experienceId, name, target, body],
  );
  const placementHref = `/w/${workspaceSlug}/content/${placementId}`;
  const save = useAction(saveExperience, {
    success: experienceId ? "Experience saved" : "Experience created",
    onSuccess: () => router.push(placementHref),
  });
  const errors = save.fieldErrors;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <form
        noValidate
        className="min-w-0 space-y-6"
        onSubmit={(e) => {
          e.preventDefault();
          const at = (local: string) => local || null;
          void save.run({
            workspaceId,
            placementId,
            experienceId,
            name,
            target,
            status,
            schedule: { startsAt: at(schedule.startsAt), endsAt: at(schedule.endsAt), timeZone: schedule.timeZone },
            body,
          });
        }}
      >
        <Card>
          <CardContent className="grid gap-4 pt-5 sm:grid-cols-[minmax(0,1fr)_12rem]">
            <Field label="Name" error={fieldMessages(errors.name)}>
              <Input
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={120}
                placeholder="Shoe lovers in Germany"
              />
            </Field>
            <Field label="Status" hint="Only live experiences are served" error={fieldMessages(errors.status)}>
              <Select value={status} onChange={(e) => setStatus(e.target.value as ExperienceStatus)}>
                {(Object.keys(STATUS_LABELS) as ExperienceStatus[]).map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-5">
            <TargetFields
              value={targetState}
              onChange={setTargetState}
              catalog={catalog}
              segments={segments}
              workspaceSlug={workspaceSlug}
              errors={errors}
            />
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-5">
            <Field label="Content" hint={<TemplateHelp />} error={fieldMessages(errors.body)}>
              <TemplateTextarea value={body} onChange={(e) => setBody(e.target.value)} rows={12} />
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardContent className="pt-5">
            <ScheduleFields value={schedule} onChange={setSchedule} errors={errors} />
          </CardContent>
        </Card>
        <div className="flex gap-2">
          <Button type="submit" loading={save.pending}>
            Save experience
          </Button>
          <Button type="button" variant="secondary" onClick={() => router.push(placementHref)}>
            Cancel
          </Button>
        </div>
      </form>
      <aside className="lg:sticky lg:top-6 lg:self-start">
        <PreviewPanel workspaceId={workspaceId} placementId={placementId} draft={draft} />
      </aside>
    </div>
  );
}
