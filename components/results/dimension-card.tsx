"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInteger } from "@/lib/format";
import { formatLift } from "@/lib/results/format";
import type { ExperimentResults, ResultsSettings } from "@/lib/results/types";
import { csvFileName, dimensionCsv } from "./csv-rows";
import { DownloadCsvButton } from "./download-csv-button";
import { formatChance, formatInterval, formatMetricValue, formatPValue, intervalLabel } from "./format-effect";
import { dimensionValueLabel } from "./labels";
import { effectTone, toneCellClass, toneLabel } from "./tones";

/**
 * The primary metric per value of a dimension (device, country, new vs
 * returning, a segment's members): each variation's units and value, each
 * treatment's lift and interval, corrected across values × variations.
 */
export function DimensionCard({
  dimension,
  settings,
  experimentKey,
}: {
  dimension: NonNullable<ExperimentResults["dimension"]>;
  settings: ResultsSettings;
  experimentKey: string;
}) {
  const first = dimension.rows[0]?.metric;
  const arms = first?.arms ?? [];
  const treatments = arms.filter((a) => !a.isControl);
  const interval = intervalLabel(settings);
  const bayesian = settings.engine === "bayesian";
  return (
    <Card role="region" aria-label={`Breakdown by ${dimension.label.toLowerCase()}`} data-testid="dimension-card">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="min-w-0 flex-1 space-y-1">
          <CardTitle>
            {first ? first.name : "Primary metric"} by {dimension.label.toLowerCase()}
          </CardTitle>
          <CardDescription>
            Each value read on its own units; significance is corrected across values and variations, so a small group
            rarely stands out by chance.
          </CardDescription>
        </div>
        {first && (
          <DownloadCsvButton
            fileName={csvFileName(experimentKey, first.name, "by", dimension.key)}
            rows={() => dimensionCsv(dimension, settings)}
          />
        )}
      </CardHeader>
      <CardContent>
        {!first ? (
          <p className="text-sm text-gray-500">No units with a known {dimension.label.toLowerCase()} yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{dimension.label}</TableHead>
                {arms.map((a) => (
                  <TableHead key={a.variationId} className="text-right">
                    {a.name}
                  </TableHead>
                ))}
                {treatments.map((t) => (
                  <TableHead key={t.variationId} className="text-right" colSpan={3}>
                    {treatments.length > 1 ? `${t.name}: lift, ${interval}` : `Lift, ${interval}`}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {dimension.rows.map((row) => (
                <TableRow key={row.value} data-testid="dimension-row">
                  <TableCell className="font-medium text-gray-900">
                    {dimensionValueLabel(dimension.key, row.value)}
                  </TableCell>
                  {arms.map((a) => {
                    const r = row.metric.arms.find((x) => x.variationId === a.variationId);
                    return (
                      <TableCell key={a.variationId} className="text-right tabular-nums">
                        {formatMetricValue(row.metric.kind, r?.value ?? null)}
                        <span className="block text-xs text-gray-500">{formatInteger(r?.units ?? 0)} units</span>
                      </TableCell>
                    );
                  })}
                  {treatments.map((t) => {
                    const e = row.metric.arms.find((x) => x.variationId === t.variationId)?.effect ?? null;
                    if (!e?.computable)
                      return (
                        <TableCell key={t.variationId} colSpan={3} className="text-xs text-gray-500">
                          {e ? e.reason : "—"}
                        </TableCell>
                      );
                    const tone = effectTone(e);
                    const toned = cn("text-right tabular-nums whitespace-nowrap", toneCellClass(tone));
                    return [
                      <TableCell key={`${t.variationId}-lift`} data-testid="lift" className={toned}>
                        {formatLift(e.lift)}
                      </TableCell>,
                      <TableCell key={`${t.variationId}-interval`} data-testid="interval" className={toned}>
                        {formatInterval(e.interval)}
                      </TableCell>,
                      <TableCell
                        key={`${t.variationId}-sig`}
                        className={cn("text-xs whitespace-nowrap", toneCellClass(tone))}
                      >
                        {toneLabel(tone)}
                        <span className="block text-gray-500">
                          {bayesian
                            ? `${formatChance(e.chanceToWin)} to beat`
                            : `p ${formatPValue(e.adjustedPValue ?? e.pValue)}`}
                        </span>
                      </TableCell>,
                    ];
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
