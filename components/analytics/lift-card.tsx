"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { z } from "zod";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { personalizationLift } from "@/lib/analytics/actions";
import type { LoadedLift } from "@/lib/analytics/db/load-lift";
import type { LiftFigure } from "@/lib/analytics/lift";
import type { rangeInputSchema } from "@/lib/analytics/range";
import { formatInteger } from "@/lib/format";
import { formatLift } from "@/lib/results/format";
import { DownloadCsvButton } from "@/components/results/download-csv-button";
import { formatFigure } from "./figure-format";
import { liftCsv } from "./lift-csv";
import { OVERVIEW_POLL_MS } from "./use-overview";

function LiftRow({ name, figure, format }: { name: string; figure: LiftFigure; format: (v: number | null) => string }) {
  const lift = figure.lift;
  const tone = lift?.significant ? (lift.effect > 0 ? "text-emerald-700" : "text-red-700") : "text-gray-900";
  return (
    <TableRow data-testid="lift-row">
      <TableCell className="font-medium text-gray-900">{name}</TableCell>
      <TableCell className="text-right tabular-nums">{format(figure.holdout)}</TableCell>
      <TableCell className="text-right tabular-nums">{format(figure.personalized)}</TableCell>
      <TableCell className={cn("text-right tabular-nums whitespace-nowrap", tone)} data-testid="lift">
        {lift ? (
          <>
            {formatLift(lift.effect)}{" "}
            <span className="text-xs text-gray-500">
              ({formatLift(lift.interval[0])} to {formatLift(lift.interval[1])})
            </span>
          </>
        ) : (
          "—"
        )}
      </TableCell>
      <TableCell className="text-right tabular-nums">{lift ? lift.pValue.toFixed(3) : "—"}</TableCell>
    </TableRow>
  );
}

/**
 * What personalization adds over the range: exposed visitors outside the global holdout against those in it, on
 * the conversion rate and revenue per visitor, with 95 % intervals (lib/analytics/lift.ts).
 */
export function LiftCard({
  workspaceId,
  workspaceSlug,
  input,
}: {
  workspaceId: string;
  workspaceSlug: string;
  input: z.output<typeof rangeInputSchema>;
}) {
  const result = useQuery<LoadedLift, Error>({
    queryKey: ["personalization-lift", workspaceId, input],
    queryFn: async () => {
      const r = await personalizationLift({ workspaceId, ...input });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: OVERVIEW_POLL_MS,
  });
  const lift = result.data?.lift;
  const noHoldout = lift && lift.holdout.units === 0;
  return (
    <Card role="region" aria-labelledby="lift-heading">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="space-y-1">
          <CardTitle id="lift-heading">Personalization lift</CardTitle>
          <CardDescription>
            Visitors shown personalized content and experiments against the global holdout, who saw the defaults
            everywhere, on the same days. Each visitor counts from their first decision on those days; the interval is
            95 % (a fixed-horizon test: choose the range before reading it).
          </CardDescription>
        </div>
        {lift && !noHoldout && result.data && (
          <DownloadCsvButton
            fileName={`personalization-lift-${result.data.range.from}-${result.data.range.to}.csv`}
            rows={() => liftCsv(lift)}
            label="Download the lift as CSV"
          />
        )}
      </CardHeader>
      <CardContent>
        {!lift ? (
          <p className="text-sm text-gray-500">
            {result.isError ? `Could not read it: ${result.error.message}` : "Reading…"}
          </p>
        ) : noHoldout ? (
          <p className="text-sm text-gray-700" data-testid="no-holdout">
            {lift.holdoutShare > 0
              ? "No visitor of the holdout was seen on these days."
              : "There is no holdout, so nothing to compare with."}{" "}
            <Link className="underline" href={`/w/${workspaceSlug}/experiments`}>
              Set the holdout&apos;s share
            </Link>{" "}
            (5 % is common) to measure what personalization earns.
          </p>
        ) : (
          <>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Figure</TableHead>
                  <TableHead className="text-right">Holdout ({formatInteger(lift.holdout.units)})</TableHead>
                  <TableHead className="text-right">Personalized ({formatInteger(lift.personalized.units)})</TableHead>
                  <TableHead className="text-right">Lift (95 % CI)</TableHead>
                  <TableHead className="text-right">p-value</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                <LiftRow
                  name="Conversion rate"
                  figure={lift.conversionRate}
                  format={(v) => formatFigure("conversionRate", v)}
                />
                <LiftRow
                  name="Revenue per visitor"
                  figure={lift.revenuePerVisitor}
                  format={(v) => formatFigure("revenuePerVisitor", v)}
                />
              </TableBody>
            </Table>
            {lift.mixed > 0 && (
              <p className="mt-2 text-xs text-gray-500">
                {formatInteger(lift.mixed)} visitors seen both in and out of the holdout (two browsers merged) count on
                the side of their first decision.
              </p>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
