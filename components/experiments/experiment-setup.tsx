import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ExperimentDetail } from "@/lib/experiments/db/get-experiment-detail";
import { formatDateTime } from "@/lib/format";
import { describeRule } from "@/lib/segments/describe";
import { percent, ROLE_LABELS, TYPE_LABELS, UNIT_LABELS } from "./labels";

type Props = { detail: ExperimentDetail; segmentNames: ReadonlyMap<string, string>; workspaceSlug: string };

/** Whom an experiment's targeting lets in, in words. */
export function targetingInWords(detail: ExperimentDetail, segmentNames: ReadonlyMap<string, string>): string {
  const { segment, rule } = detail.targeting;
  if (segment) return `Members of the segment “${segment.name}”`;
  if (rule && rule.children.length > 0) return `Visitors who match: ${describeRule(rule, segmentNames)}`;
  return "Everyone";
}

function What({ detail, workspaceSlug }: { detail: ExperimentDetail; workspaceSlug: string }) {
  if (detail.type === "ab")
    return (
      <>
        The experience{" "}
        {detail.experience && detail.placement ? (
          <Link
            className="text-indigo-600 hover:underline"
            href={`/w/${workspaceSlug}/content/${detail.placement.id}/experiences/${detail.experience.id}`}
          >
            “{detail.experience.name}”
          </Link>
        ) : (
          "(deleted)"
        )}{" "}
        on {detail.placement?.name ?? "a deleted placement"}:{" "}
        {detail.variations
          .map((v) =>
            !v.variant
              ? `${v.name} (default content)`
              : v.variant.name === v.name
                ? v.name
                : `${v.name} (“${v.variant.name}”)`,
          )
          .join(", ")}
      </>
    );
  if (detail.type === "multivariate")
    return (
      <ul className="space-y-0.5">
        {detail.factors?.map((f) => (
          <li key={f.key}>
            {f.name} on {f.placementName}: {f.levels.map((l) => `${l.name} (${l.variantName ?? "default"})`).join(", ")}
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="space-y-0.5">
      {detail.variations.map((v) => (
        <li key={v.id}>
          {v.name} = <code className="font-mono text-xs">{JSON.stringify(v.value)}</code>
        </li>
      ))}
    </ul>
  );
}

/** What an experiment tests, whom, how its traffic is taken, when, and its goals. */
export function ExperimentSetup({ detail, segmentNames, workspaceSlug }: Props) {
  const rows: { label: string; value: React.ReactNode }[] = [
    { label: TYPE_LABELS[detail.type], value: <What detail={detail} workspaceSlug={workspaceSlug} /> },
    { label: "Who", value: <span data-testid="targeting">{targetingInWords(detail, segmentNames)}</span> },
    { label: "Unit", value: UNIT_LABELS[detail.unitType] ?? detail.unitType },
    { label: "Coverage", value: `${percent(detail.coverage)} of eligible units enter` },
    {
      label: "Layer",
      value: detail.layer
        ? `${detail.layer.name}: ${percent(detail.layerShare)} of its traffic${
            detail.layerSlice ? ` (slice ${percent(detail.layerSlice.start)}–${percent(detail.layerSlice.end)})` : ""
          }`
        : "None",
    },
    {
      label: "Schedule",
      value:
        detail.startsAt || detail.endsAt
          ? `${detail.startsAt ? `From ${formatDateTime(detail.startsAt)}` : "From its start"}${
              detail.endsAt ? ` until ${formatDateTime(detail.endsAt)}` : " until stopped"
            }`
          : "From its start until stopped",
    },
    {
      label: "Ran",
      value: detail.startedAt
        ? `Started ${formatDateTime(detail.startedAt)}${detail.endedAt ? `, ended ${formatDateTime(detail.endedAt)}` : ""}`
        : "Not started",
    },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Setup</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="space-y-3 text-sm">
          {rows.map((r) => (
            <div key={r.label}>
              <dt className="text-xs font-medium text-gray-500">{r.label}</dt>
              <dd className="mt-0.5 text-gray-900">{r.value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="text-xs font-medium text-gray-500">Goals</h3>
          {detail.goals.length === 0 ? (
            <p className="mt-0.5 text-sm text-gray-600">None</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm" aria-label="Goals">
              {detail.goals.map((g) => (
                <li key={g.id} className="flex items-center gap-2">
                  <Badge tone={g.role === "primary" ? "accent" : g.role === "guardrail" ? "warning" : "neutral"}>
                    {ROLE_LABELS[g.role]}
                  </Badge>
                  <span className="text-gray-900">{g.name}</span>
                  <span className="truncate text-xs text-gray-500">
                    {g.kind} of “{g.eventName}”
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
