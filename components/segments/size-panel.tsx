"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { previewSegment } from "@/lib/segments/actions";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInteger } from "@/lib/format";
import type { RuleGroup } from "@/lib/segments/schema";
import type { SegmentPreview } from "@/lib/segments/db/preview-rule";
import { useDebounced } from "./use-debounced";

type Props = {
  workspaceId: string;
  workspaceSlug: string;
  segmentId?: string;
  rule: RuleGroup;
  onIssues: (issues: Extract<SegmentPreview, { valid: false }>["issues"]) => void;
};

const percent = (part: number, whole: number) =>
  whole === 0
    ? "0%"
    : `${((part / whole) * 100).toLocaleString("en-US", { maximumFractionDigits: part / whole < 0.01 ? 2 : 1 })}%`;

/** The estimated size of the rule being edited, refreshed 300 ms after each change, with a sample and the profiles consent lets us personalize. */
export function SizePanel({ workspaceId, workspaceSlug, segmentId, rule, onIssues }: Props) {
  const settled = useDebounced(rule, 300);
  const preview = useQuery({
    queryKey: ["segment-preview", workspaceId, segmentId, settled],
    queryFn: async () => {
      const result = await previewSegment({ workspaceId, segmentId, rule: settled });
      if (!result.ok) throw new Error(result.error.message);
      onIssues(result.data.valid ? [] : result.data.issues);
      return result.data;
    },
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const data = preview.data;
  const stale = preview.isFetching || settled !== rule;
  return (
    <Card aria-busy={stale} aria-live="polite">
      <CardHeader>
        <CardTitle>Estimated size</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {preview.isError && <p className="text-sm text-red-600">{preview.error.message}</p>}
        {data && !data.valid && (
          <p className="text-sm text-amber-700">
            {/* a message about the whole rule (too big, too slow to count) says why there is no size */}
            {data.issues
              .filter((i) => i.path.length === 0)
              .map((i) => i.message)
              .join(" ") || "Complete the highlighted fields to see the size."}
          </p>
        )}
        {data?.valid && (
          <div className={stale ? "opacity-60 transition-opacity" : "transition-opacity"}>
            <p className="text-3xl font-semibold tracking-tight text-gray-900 tabular-nums" data-testid="segment-size">
              {formatInteger(data.size)}
            </p>
            <p className="text-sm text-gray-500">
              profiles · <span data-testid="segment-share">{percent(data.size, data.total)}</span> of{" "}
              {formatInteger(data.total)}
            </p>
            <p className="mt-2 text-sm text-gray-700" data-testid="segment-reachable">
              {formatInteger(data.reachable)} can be personalized{" "}
              <span className="text-gray-500">(consent not refused)</span>
            </p>
            {data.usesContext && (
              <p className="mt-2 text-xs text-gray-500">
                Visit-context conditions count as matched here; they are checked when deciding for a visit.
              </p>
            )}
            <p className="mt-1 text-xs text-gray-400">Counted in {data.ms} ms</p>
            {data.sample.length > 0 && (
              <div className="mt-4">
                <p className="text-xs font-medium text-gray-500">Some of them</p>
                <ul className="mt-1 space-y-1 text-sm">
                  {data.sample.map((s) => (
                    <li key={s.id}>
                      <Link className="text-indigo-600 hover:underline" href={`/w/${workspaceSlug}/profiles/${s.id}`}>
                        {s.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
        {!data && !preview.isError && <p className="text-sm text-gray-500">Counting…</p>}
      </CardContent>
    </Card>
  );
}
