"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { DownloadCsvButton } from "@/components/results/download-csv-button";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { FIGURE_KEYS, type FigureKey } from "@/lib/analytics/figures";
import type { Overview } from "@/lib/analytics/overview";
import { localDay } from "@/lib/analytics/range";
import { shortDate } from "@/components/charts/short-date";
import { DailyFigureChart } from "./daily-figure-chart";
import { FigureCards } from "./figure-cards";
import { LiftCard } from "./lift-card";
import { FIGURE_LABELS } from "./figure-format";
import { overviewCsv } from "./overview-csv";
import { BreakdownCard } from "./breakdown-card";
import { ContentCard } from "./content-card";
import { readBreakdownParams, readRangeParams, withBreakdown, withRange } from "./overview-url";
import { RangeControls } from "./range-controls";
import { useOverview } from "./use-overview";

const span = (s: { from: string; to: string }) =>
  s.from === s.to ? shortDate(s.from) : `${shortDate(s.from)} – ${shortDate(s.to)}`;
const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(
    new Date(iso),
  );

/** Where the figures come from and how fresh they are, and whether today (still running) is in the range. */
function freshness(data: Overview): string {
  const source = data.rolledUpAt
    ? `Events received up to ${clock(data.rolledUpAt, data.timeZone)}`
    : "Read from the raw events (the rollup is being rebuilt)";
  const today = localDay(new Date(data.computedAt), data.timeZone);
  const partial =
    data.range.to === today && data.range.comparison ? " · today so far is compared with a whole day" : "";
  return source + partial;
}

/**
 * The overview under its header: the range (in the URL, so a link shows the same view), the figures with their
 * change, a daily chart of the chosen figure against the comparison period, and the CSV of the series. Read with
 * react-query every minute, with the time of the last read.
 */
export function OverviewView({
  workspaceId,
  workspaceSlug,
  segments,
}: {
  workspaceId: string;
  workspaceSlug: string;
  segments: { id: string; name: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = useMemo(() => readRangeParams(params), [params]);
  const split = useMemo(() => readBreakdownParams(params), [params]);
  const go = (qs: string) => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  const result = useOverview(workspaceId, state.input);
  const [figure, setFigure] = useState<FigureKey>("visitors");
  const data = result.data;
  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="space-y-3">
          <RangeControls
            key={params.toString()}
            input={state.input}
            errors={state.errors}
            onChange={(change) => go(withRange(params, change))}
          />
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-gray-500" aria-live="polite">
            {data ? (
              <>
                <span data-testid="range-label">
                  {span(data.range)}
                  {data.range.comparison ? ` vs ${span(data.range.comparison)}` : ""}
                </span>
                <span>
                  Days in{" "}
                  <a className="underline" href={`/w/${workspaceSlug}/settings/data#time-zone`}>
                    {data.timeZone}
                  </a>
                </span>
                <span data-testid="last-updated">
                  {result.isFetching ? "Updating…" : `Last updated ${clock(data.computedAt, data.timeZone)}`}
                </span>
                <span data-testid="freshness">{freshness(data)}</span>
              </>
            ) : result.isError ? (
              <span role="alert" className="text-sm font-medium text-red-700">
                Could not read the overview: {result.error.message}
              </span>
            ) : (
              "Reading the figures…"
            )}
            <Button variant="ghost" size="sm" onClick={() => void result.refetch()} disabled={result.isFetching}>
              Refresh
            </Button>
          </p>
        </CardContent>
      </Card>
      {data && (
        <>
          <FigureCards overview={data} />
          <Card>
            <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2 space-y-0">
              <CardTitle>{FIGURE_LABELS[figure]} per day</CardTitle>
              <div className="flex items-center gap-2">
                <Select
                  aria-label="Figure"
                  value={figure}
                  onChange={(e) => setFigure(e.target.value as FigureKey)}
                  className="w-52"
                >
                  {FIGURE_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {FIGURE_LABELS[k]}
                    </option>
                  ))}
                </Select>
                <DownloadCsvButton
                  fileName={`overview-${data.range.from}-${data.range.to}.csv`}
                  rows={() => overviewCsv(data)}
                  label="Download the days as CSV"
                />
              </div>
            </CardHeader>
            <CardContent>
              <DailyFigureChart overview={data} figure={figure} />
            </CardContent>
          </Card>
          <BreakdownCard
            workspaceId={workspaceId}
            range={state.input}
            input={split.input}
            urlError={split.error}
            segments={segments}
            figure={figure}
            onChange={(change) => go(withBreakdown(params, change))}
          />
          <LiftCard workspaceId={workspaceId} workspaceSlug={workspaceSlug} input={state.input} />
          <ContentCard workspaceId={workspaceId} input={state.input} />
        </>
      )}
    </div>
  );
}
