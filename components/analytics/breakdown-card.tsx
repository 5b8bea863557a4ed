"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DownloadCsvButton } from "@/components/results/download-csv-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { breakdown } from "@/lib/analytics/actions";
import {
  BREAKDOWN_DIMENSIONS,
  DIMENSION_LABELS,
  MAX_SEGMENTS,
  type BreakdownDimension,
  type breakdownInputSchema,
} from "@/lib/analytics/breakdown";
import type { LoadedBreakdown } from "@/lib/analytics/db/load-breakdown";
import { FIGURE_KEYS, type FigureKey } from "@/lib/analytics/figures";
import type { rangeInputSchema } from "@/lib/analytics/range";
import { breakdownCsv } from "./breakdown-csv";
import { FIGURE_LABELS, formatFigure } from "./figure-format";
import { OVERVIEW_POLL_MS } from "./use-overview";

class BreakdownError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(message);
  }
}

/**
 * The overview's figures by a dimension or for chosen segments, as a bar chart of one figure and a table of all,
 * over the overview's range. The choice lives in the URL (`by`, `segments`) through `onChange`.
 */
export function BreakdownCard({
  workspaceId,
  range,
  input,
  urlError,
  segments,
  figure,
  onChange,
}: {
  workspaceId: string;
  range: z.output<typeof rangeInputSchema>;
  input: z.output<typeof breakdownInputSchema>;
  urlError: string | null;
  segments: { id: string; name: string }[];
  figure: FigureKey;
  onChange: (change: { by?: BreakdownDimension; segmentIds?: string[] }) => void;
}) {
  const ready = input.by !== "segment" || input.segmentIds.length > 0;
  const result = useQuery<LoadedBreakdown, BreakdownError>({
    queryKey: ["overview-breakdown", workspaceId, range, input],
    enabled: ready,
    queryFn: async () => {
      const r = await breakdown({ workspaceId, ...range, ...input });
      if (!r.ok) throw new BreakdownError(r.error.message, r.error.fieldErrors ?? {});
      return r.data;
    },
    placeholderData: keepPreviousData,
    refetchInterval: OVERVIEW_POLL_MS,
  });
  const data = ready && result.data?.by === input.by ? result.data : undefined;
  const segmentError = result.error?.fieldErrors.segmentIds?.[0] ?? (input.by === "segment" ? urlError : null);
  const chosen = new Set(input.segmentIds);
  return (
    <Card role="region" aria-labelledby="breakdown-heading">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="space-y-1">
          <CardTitle id="breakdown-heading">Breakdown</CardTitle>
          <CardDescription>
            Source, medium, campaign, referrer and device are those of each visitor&apos;s first event on these days; a
            segment counts its members at any time on them.
          </CardDescription>
        </div>
        {data && (
          <DownloadCsvButton
            fileName={`overview-by-${input.by}-${data.range.from}-${data.range.to}.csv`}
            rows={() => breakdownCsv(input.by, data.rows)}
            label="Download the breakdown as CSV"
          />
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap items-start gap-4">
          <Field
            label="Break down by"
            error={input.by !== "segment" ? (urlError ?? undefined) : undefined}
            className="w-52"
          >
            <Select value={input.by} onChange={(e) => onChange({ by: e.target.value as BreakdownDimension })}>
              {BREAKDOWN_DIMENSIONS.map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABELS[d]}
                </option>
              ))}
            </Select>
          </Field>
          {input.by === "segment" && (
            <fieldset className="min-w-64 flex-1 space-y-1">
              <legend className="text-sm font-medium text-gray-900">
                Segments to compare (at most {MAX_SEGMENTS})
              </legend>
              <div className="flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
                {segments.map((s) => (
                  <label key={s.id} className="flex items-center gap-1.5 text-sm text-gray-700">
                    <input
                      type="checkbox"
                      checked={chosen.has(s.id)}
                      disabled={!chosen.has(s.id) && chosen.size >= MAX_SEGMENTS}
                      onChange={(e) =>
                        onChange({
                          segmentIds: e.target.checked
                            ? [...input.segmentIds, s.id]
                            : input.segmentIds.filter((id) => id !== s.id),
                        })
                      }
                    />
                    {s.name}
                  </label>
                ))}
              </div>
              {segmentError && (
                <p role="alert" className="text-xs text-red-700">
                  {segmentError}
                </p>
              )}
            </fieldset>
          )}
        </div>
        {!ready ? null : !data ? (
          <p className="text-sm text-gray-500">
            {result.isError && !segmentError ? `Could not read it: ${result.error.message}` : "Reading…"}
          </p>
        ) : data.rows.length === 0 ? (
          <p className="text-sm text-gray-500">No visitor on these days.</p>
        ) : (
          <>
            <div
              className="h-64 w-full"
              role="img"
              aria-label={`${FIGURE_LABELS[figure]} by ${DIMENSION_LABELS[input.by].toLowerCase()}`}
            >
              <ResponsiveContainer>
                <BarChart data={data.rows.map((r) => ({ label: r.label, value: r.figures[figure] }))}>
                  <CartesianGrid stroke="#f3f4f6" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#6b7280" }} tickLine={false} axisLine={false} />
                  <YAxis
                    tickFormatter={(v: number) => formatFigure(figure, v)}
                    tick={{ fontSize: 12, fill: "#6b7280" }}
                    tickLine={false}
                    axisLine={false}
                    width={72}
                  />
                  <Tooltip
                    formatter={(v) => [formatFigure(figure, v === null ? null : Number(v)), FIGURE_LABELS[figure]]}
                  />
                  <Bar dataKey="value" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{DIMENSION_LABELS[input.by]}</TableHead>
                  {FIGURE_KEYS.map((k) => (
                    <TableHead key={k} className="text-right">
                      {FIGURE_LABELS[k]}
                    </TableHead>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.rows.map((r) => (
                  <TableRow key={r.value} data-testid="breakdown-row">
                    <TableCell className="font-medium text-gray-900">{r.label}</TableCell>
                    {FIGURE_KEYS.map((k) => (
                      <TableCell key={k} className="text-right tabular-nums" data-testid={`cell-${k}`}>
                        {formatFigure(k, r.figures[k])}
                      </TableCell>
                    ))}
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
