"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { DownloadCsvButton } from "@/components/results/download-csv-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { contentPerformance } from "@/lib/analytics/actions";
import { ATTRIBUTION_DAYS, type ContentRow } from "@/lib/analytics/content";
import type { LoadedContent } from "@/lib/analytics/db/load-content";
import type { rangeInputSchema } from "@/lib/analytics/range";
import { formatInteger, formatMoney } from "@/lib/format";
import { contentCsv } from "./content-csv";
import { formatFigure } from "./figure-format";
import { OVERVIEW_POLL_MS } from "./use-overview";

const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(x < 0.1 ? 2 : 1)} %`);
const named = (r: ContentRow) => `${r.placementName} · ${r.experienceName} · ${r.variantName}`;

/**
 * What each placement's experiences and variants were shown and what followed, over the overview's range: the
 * attribution rule is stated on the card.
 */
export function ContentCard({ workspaceId, input }: { workspaceId: string; input: z.output<typeof rangeInputSchema> }) {
  const result = useQuery<LoadedContent, Error>({
    queryKey: ["content-performance", workspaceId, input],
    queryFn: async () => {
      const r = await contentPerformance({ workspaceId, ...input });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: OVERVIEW_POLL_MS,
  });
  const data = result.data;
  return (
    <Card role="region" aria-labelledby="content-heading" id="content-performance">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="space-y-1">
          <CardTitle id="content-heading">Content performance</CardTitle>
          <CardDescription>
            Impressions are decisions that served the variant; clicks are the browser SDK&apos;s Placement Clicked
            events. An order counts for the variant of each placement last shown to the buyer within {ATTRIBUTION_DAYS}{" "}
            days before it (last touch per placement).
          </CardDescription>
        </div>
        {data && data.rows.length > 0 && (
          <DownloadCsvButton
            fileName={`content-performance-${data.range.from}-${data.range.to}.csv`}
            rows={() => contentCsv(data.rows)}
            label="Download content performance as CSV"
          />
        )}
      </CardHeader>
      <CardContent className="space-y-3">
        {!data ? (
          <p className="text-sm text-gray-500">
            {result.isError ? `Could not read it: ${result.error.message}` : "Reading…"}
          </p>
        ) : data.rows.length === 0 ? (
          <p className="text-sm text-gray-500">No content was served on these days.</p>
        ) : (
          <>
            {data.extremes && (
              <p className="text-sm text-gray-700" data-testid="content-extremes">
                Most revenue per impression: <span className="font-medium">{named(data.extremes.best)}</span> (
                {formatFigure("revenuePerVisitor", data.extremes.best.revenuePerImpression)}); least:{" "}
                <span className="font-medium">{named(data.extremes.worst)}</span> (
                {formatFigure("revenuePerVisitor", data.extremes.worst.revenuePerImpression)}).
              </p>
            )}
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Placement</TableHead>
                  <TableHead>Experience · variant</TableHead>
                  <TableHead className="text-right">Impressions</TableHead>
                  <TableHead className="text-right">Visitors</TableHead>
                  <TableHead className="text-right">Clicks</TableHead>
                  <TableHead className="text-right">Click-through</TableHead>
                  <TableHead className="text-right">Orders</TableHead>
                  <TableHead className="text-right">Orders / visitor</TableHead>
                  <TableHead className="text-right">Revenue</TableHead>
                  <TableHead className="text-right">Revenue / impression</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.map((r) => (
                  <TableRow key={r.variantId} data-testid="content-row" data-variant-id={r.variantId}>
                    <TableCell className="font-medium text-gray-900">{r.placementName}</TableCell>
                    <TableCell>
                      {r.experienceName} · {r.variantName} {r.isDefault && <Badge tone="neutral">default</Badge>}
                    </TableCell>
                    <TableCell className="text-right tabular-nums" data-testid="impressions">
                      {formatInteger(r.impressions)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatInteger(r.visitors)}</TableCell>
                    <TableCell className="text-right tabular-nums" data-testid="clicks">
                      {formatInteger(r.clicks)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{percent(r.clickThroughRate)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatInteger(r.orders)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {r.conversionRate === null ? "—" : r.conversionRate.toFixed(3)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(r.revenue)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatFigure("revenuePerVisitor", r.revenuePerImpression)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
