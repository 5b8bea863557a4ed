"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BanditSummary } from "@/lib/results/types";
import { banditRows, latestChances } from "./chart-data";
import { banditHistoryCsv, banditWeightsCsv, csvFileName } from "./csv-rows";
import { DownloadCsvButton } from "./download-csv-button";
import { formatChance } from "./format-effect";
import { seriesColor } from "./tones";

type Variation = { id: string; key: string; name: string };

const tick = { fontSize: 12, fill: "#6b7280" };
const share = (w: number) => `${Math.round(w * 1000) / 10} %`;
const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });

/** A bandit's traffic weights now, with each variation's chance of being best, and how they moved. */
export function BanditCard({
  summary,
  variations,
  experimentKey,
}: {
  summary: BanditSummary;
  variations: Variation[];
  experimentKey: string;
}) {
  const rows = banditRows(
    summary,
    variations.map((v) => v.id),
  );
  const chances = latestChances(summary);
  return (
    <Card role="region" aria-label="Bandit weights" data-testid="bandit-card">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="min-w-0 flex-1 space-y-1">
          <CardTitle>Bandit weights</CardTitle>
          <CardDescription>
            The share of new visitors each variation gets, moved towards the ones more likely to be best at every
            update.
          </CardDescription>
        </div>
        <div className="flex gap-2">
          <DownloadCsvButton
            fileName={csvFileName(experimentKey, "bandit-weights")}
            rows={() => banditWeightsCsv(summary, variations, chances)}
          />
          {summary.history.length > 0 && (
            <DownloadCsvButton
              label="Download history CSV"
              fileName={csvFileName(experimentKey, "bandit-history")}
              rows={() => banditHistoryCsv(summary, variations)}
            />
          )}
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Variation</TableHead>
              <TableHead className="text-right">Weight now</TableHead>
              <TableHead className="text-right">Chance to be best</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {variations.map((v) => (
              <TableRow key={v.id} data-testid="bandit-row">
                <TableCell className="font-medium text-gray-900">{v.name}</TableCell>
                <TableCell className="text-right tabular-nums">{share(summary.weights[v.id] ?? 0)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatChance(chances?.[v.id] ?? null)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 ? (
          <p className="text-sm text-gray-500">No update yet: the weights start even and move after the first one.</p>
        ) : (
          <div
            className="h-56 w-full"
            role="img"
            aria-label={`Bandit weights over ${rows.length} updates: now ${variations.map((v) => `${v.name} ${share(summary.weights[v.id] ?? 0)}`).join(", ")}`}
            data-testid="bandit-chart"
          >
            <ResponsiveContainer>
              <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="#f3f4f6" vertical={false} />
                <XAxis
                  dataKey="at"
                  tickFormatter={when}
                  tick={tick}
                  tickLine={false}
                  axisLine={false}
                  minTickGap={32}
                />
                <YAxis domain={[0, 1]} tickFormatter={share} tick={tick} tickLine={false} axisLine={false} width={52} />
                <Legend
                  verticalAlign="top"
                  align="right"
                  height={28}
                  iconType="plainline"
                  wrapperStyle={{ fontSize: 12 }}
                />
                <Tooltip labelFormatter={(label) => when(String(label))} formatter={(value) => share(Number(value))} />
                {variations.map((v, i) => (
                  <Line
                    key={v.id}
                    type="stepAfter"
                    dataKey={`w${i}`}
                    name={v.name}
                    stroke={seriesColor(i)}
                    strokeWidth={2}
                    dot={rows.length === 1}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
