"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DownloadCsvButton } from "@/components/results/download-csv-button";
import type { SegmentCatalog } from "@/components/segment-builder/catalog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { funnel as funnelQuery } from "@/lib/analytics/actions";
import type { LoadedFunnel } from "@/lib/analytics/db/load-funnel";
import { funnelInputSchema, type FunnelInput } from "@/lib/analytics/funnel";
import { formatInteger } from "@/lib/format";
import { FunnelBuilder } from "./funnel-builder";
import { funnelCsv } from "./funnel-csv";
import { formatDuration, readFunnelParam, withFunnel } from "./funnel-url";
import { readRangeParams, withRange } from "./overview-url";
import { RangeControls } from "./range-controls";

const COLORS = ["#6366f1", "#10b981", "#f59e0b", "#ef4444", "#06b6d4", "#8b5cf6"];
const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)} %`);

class FunnelError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** The funnel page: the range and the funnel in the URL, its builder, the chart of each step by group, the tables and CSV. */
export function FunnelView({
  workspaceId,
  events,
  segments,
  experiments,
}: {
  workspaceId: string;
  events: SegmentCatalog["events"];
  segments: { id: string; name: string }[];
  experiments: { id: string; name: string }[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const range = useMemo(() => readRangeParams(params), [params]);
  const shown = useMemo(() => readFunnelParam(params), [params]);
  const [localErrors, setLocalErrors] = useState<Record<string, string[]>>({});
  const go = (qs: string) => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  const result = useQuery<LoadedFunnel, FunnelError>({
    queryKey: ["funnel", workspaceId, range.input, shown.funnel],
    queryFn: async () => {
      const r = await funnelQuery({ workspaceId, ...range.input, ...shown.funnel });
      if (!r.ok) throw new FunnelError(r.error.message, r.error.fieldErrors ?? {});
      return r.data;
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
  const errors = { ...(result.error?.fieldErrors ?? {}), ...localErrors };
  const data = result.data;
  const chartData = shown.funnel.steps.map((step, i) => ({
    step: `${i + 1}. ${step.eventName}`,
    ...Object.fromEntries((data?.groups ?? []).map((g) => [g.label, g.steps[i]?.count ?? 0])),
  }));
  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="space-y-4">
          <RangeControls
            key={`range-${params.get("preset")}-${params.get("from")}-${params.get("to")}`}
            input={range.input}
            errors={range.errors}
            onChange={(change) => go(withRange(params, change))}
            compare={false}
          />
          <FunnelBuilder
            key={params.get("funnel") ?? "example"}
            initial={shown.funnel}
            events={events}
            segments={segments}
            experiments={experiments}
            errors={errors}
            onShow={(funnel: FunnelInput) => {
              const parsed = funnelInputSchema.safeParse(funnel);
              if (!parsed.success) {
                const found: Record<string, string[]> = {};
                for (const issue of parsed.error.issues) (found[issue.path.join(".")] ??= []).push(issue.message);
                setLocalErrors(found);
                return;
              }
              setLocalErrors({});
              go(withFunnel(params, parsed.data));
            }}
          />
          {shown.error && (
            <p role="alert" className="text-sm text-red-700">
              {shown.error}
            </p>
          )}
        </CardContent>
      </Card>
      <Card role="region" aria-labelledby="funnel-heading">
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
          <div className="space-y-1">
            <CardTitle id="funnel-heading">Funnel</CardTitle>
            <CardDescription>
              A visitor enters with their first step-1 event on these days and reaches each next step with a later event
              within {shown.funnel.windowDays} {shown.funnel.windowDays === 1 ? "day" : "days"} of entering.
            </CardDescription>
          </div>
          {data && (
            <DownloadCsvButton
              fileName={`funnel-${data.range.from}-${data.range.to}.csv`}
              rows={() => funnelCsv(shown.funnel, data)}
              label="Download the funnel as CSV"
            />
          )}
        </CardHeader>
        <CardContent className="space-y-6">
          {!data ? (
            <p className="text-sm text-gray-500">
              {result.isError ? `Could not read it: ${result.error.message}` : "Reading…"}
            </p>
          ) : data.groups.length === 0 ? (
            <p className="text-sm text-gray-500">No visitor entered this funnel on these days.</p>
          ) : (
            <>
              <div className="h-72 w-full" role="img" aria-label="Visitors at each step of the funnel">
                <ResponsiveContainer>
                  <BarChart data={chartData}>
                    <CartesianGrid stroke="#f3f4f6" vertical={false} />
                    <XAxis dataKey="step" tick={{ fontSize: 12, fill: "#6b7280" }} tickLine={false} axisLine={false} />
                    <YAxis tick={{ fontSize: 12, fill: "#6b7280" }} tickLine={false} axisLine={false} width={56} />
                    <Tooltip />
                    {data.groups.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
                    {data.groups.map((g, i) => (
                      <Bar
                        key={g.group}
                        dataKey={g.label}
                        fill={COLORS[i % COLORS.length]}
                        radius={[3, 3, 0, 0]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              {data.groups.map((g) => (
                <div key={g.group} className="space-y-2" data-testid="funnel-group">
                  {data.groups.length > 1 && <h3 className="text-sm font-semibold text-gray-900">{g.label}</h3>}
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Step</TableHead>
                        <TableHead className="text-right">Visitors</TableHead>
                        <TableHead className="text-right">From the first</TableHead>
                        <TableHead className="text-right">From the previous</TableHead>
                        <TableHead className="text-right">Dropped off</TableHead>
                        <TableHead className="text-right">Median time from the previous</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {g.steps.map((s, i) => (
                        <TableRow key={i} data-testid="funnel-row">
                          <TableCell className="font-medium text-gray-900">
                            {i + 1}. {shown.funnel.steps[i]?.eventName}
                          </TableCell>
                          <TableCell className="text-right tabular-nums" data-testid="count">
                            {formatInteger(s.count)}
                          </TableCell>
                          <TableCell className="text-right tabular-nums" data-testid="from-first">
                            {percent(s.fromFirst)}
                          </TableCell>
                          <TableCell className="text-right tabular-nums">{percent(s.fromPrevious)}</TableCell>
                          <TableCell className="text-right tabular-nums">{formatInteger(s.dropOff)}</TableCell>
                          <TableCell className="text-right tabular-nums">
                            {i === 0 ? "" : formatDuration(s.medianSeconds)}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              ))}
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
