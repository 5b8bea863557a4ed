import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ExperienceRow } from "@/lib/content/db/get-placement";
import { describeRule } from "@/lib/segments/describe";
import { ExperienceControls } from "./experience-controls";
import { StatusBadge } from "./status-badge";

type Props = {
  workspaceId: string;
  base: string;
  experiences: ExperienceRow[];
  segmentNames: ReadonlyMap<string, string>;
  canEdit: boolean;
};

const local = (at: string) => at.replace("T", " ");

/** "From 2026-05-01 09:00 until 2026-05-31 23:59 (Europe/Berlin)", or null when the experience has no schedule. */
function scheduleInWords({ startsAt, endsAt, timeZone }: ExperienceRow["schedule"]): string | null {
  if (!startsAt && !endsAt) return null;
  const from = startsAt ? `From ${local(startsAt)}` : "";
  const until = endsAt ? `${from ? " until" : "Until"} ${local(endsAt)}` : "";
  return `${from}${until} (${timeZone})`;
}

/** The placement's experiences in the order they are tried: the first that matches a visitor is served. */
export function ExperienceList({ workspaceId, base, experiences, segmentNames, canEdit }: Props) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Experiences</CardTitle>
        <CardDescription>
          Tried from the top: a visitor sees the first live experience that targets them, or else the default content.
        </CardDescription>
      </CardHeader>
      {experiences.length === 0 ? (
        <CardContent>
          <p className="text-sm text-gray-600">
            No experiences yet, so everyone sees the default content below.{" "}
            {canEdit
              ? "Add an experience to show different content to a segment or to visitors matching a rule."
              : "Editors can add experiences that show different content to a segment."}
          </p>
        </CardContent>
      ) : (
        <ol aria-label="Experiences" className="divide-y divide-gray-100">
          {experiences.map((e, i) => {
            const schedule = scheduleInWords(e.schedule);
            return (
              <li key={e.id} className="flex flex-wrap items-start gap-3 px-4 py-3" data-testid="experience-row">
                <span className="mt-0.5 w-6 shrink-0 text-sm font-semibold text-gray-400 tabular-nums">
                  <span className="sr-only">Position </span>
                  {i + 1}
                </span>
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    {canEdit ? (
                      <Link
                        className="font-medium text-gray-900 hover:text-indigo-600 hover:underline"
                        href={`${base}/experiences/${e.id}`}
                      >
                        {e.name}
                      </Link>
                    ) : (
                      <span className="font-medium text-gray-900">{e.name}</span>
                    )}
                    <StatusBadge status={e.status} />
                  </div>
                  <p className="text-sm text-gray-600">
                    {e.target.kind === "segment" ? "Segment: " : "Rule: "}
                    <span className="text-gray-800">
                      {e.target.kind === "segment" ? e.target.segmentName : describeRule(e.target.rule, segmentNames)}
                    </span>
                  </p>
                  {schedule && <p className="text-xs text-gray-500">{schedule}</p>}
                </div>
                {canEdit && (
                  <ExperienceControls
                    workspaceId={workspaceId}
                    experience={{ id: e.id, name: e.name, status: e.status }}
                    first={i === 0}
                    last={i === experiences.length - 1}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
