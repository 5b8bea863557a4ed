"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInteger } from "@/lib/format";
import type { MetricResult, ResultsSettings } from "@/lib/results/types";
import { csvFileName, metricCsv } from "./csv-rows";
import { CumulativeLiftChart } from "./cumulative-chart";
import { DownloadCsvButton } from "./download-csv-button";
import { EffectCells, statHeaders } from "./effect-cells";
import { ForestPlot } from "./forest-plot";
import { formatMetricValue, formatNumber, intervalLabel, numeratorLabel } from "./format-effect";
import { METRIC_ROLE_LABELS } from "./labels";

const ROLE_TONES = { primary: "accent", secondary: "neutral", guardrail: "warning" } as const;

/**
 * One metric: its variations' units, numerator, denominator and value, each
 * treatment's lift with its interval and the engine's figures; the forest
 * plot and the cumulative lift. A region named by the metric.
 */
export function MetricCard({
  metric,
  settings,
  experimentKey,
}: {
  metric: MetricResult;
  settings: ResultsSettings;
  experimentKey: string;
}) {
  const interval = intervalLabel(settings);
  const stats = statHeaders(settings.engine);
  return (
    <Card role="region" aria-label={metric.name} data-testid="metric-card">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="min-w-0 flex-1 space-y-1">
          <CardTitle className="flex flex-wrap items-center gap-2">
            {metric.name}
            <Badge tone={ROLE_TONES[metric.role]}>{METRIC_ROLE_LABELS[metric.role]}</Badge>
            {metric.cuped && (
              <Badge tone="accent" title="Variance reduced with each unit's value before the experiment (CUPED)">
                CUPED
              </Badge>
            )}
            {metric.lowerIsBetter && (
              <Badge tone="neutral" title="A fall is the good news: a negative lift counts as better">
                lower is better
              </Badge>
            )}
            {metric.cap !== null && (
              <Badge tone="neutral" title="Each unit's value is winsorized at this cap">
                capped at {formatNumber(metric.cap)}
              </Badge>
            )}
          </CardTitle>
          <CardDescription>
            Counted within {metric.windowDays} {metric.windowDays === 1 ? "day" : "days"} of each unit&apos;s first
            exposure.
            {metric.role === "guardrail" &&
              " A guardrail checks for harm: its p-values are not corrected, so a worse result shows early."}
          </CardDescription>
        </div>
        <DownloadCsvButton
          fileName={csvFileName(experimentKey, metric.name)}
          rows={() => metricCsv(metric, settings)}
        />
      </CardHeader>
      <CardContent className="space-y-5">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Variation</TableHead>
              <TableHead className="text-right">Units</TableHead>
              <TableHead className="text-right">{numeratorLabel(metric.kind)}</TableHead>
              <TableHead className="text-right">{metric.valueLabel}</TableHead>
              <TableHead className="text-right">Lift</TableHead>
              <TableHead className="text-right">{interval}</TableHead>
              {stats.map((h) => (
                <TableHead key={h} className="text-right">
                  {h}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {metric.arms.map((arm) => (
              <TableRow key={arm.variationId} data-testid="metric-row">
                <TableCell className="min-w-48">
                  <span className="font-medium text-gray-900">{arm.name}</span>
                  {arm.isControl && (
                    <Badge className="ml-2" tone="neutral">
                      Control
                    </Badge>
                  )}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatInteger(arm.units)}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">
                  {formatNumber(arm.numerator)} / {formatNumber(arm.denominator)}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatMetricValue(metric.kind, arm.value)}</TableCell>
                <EffectCells effect={arm.effect} engine={settings.engine} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className="space-y-6">
          <div className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold text-gray-900">Lift over the control</h3>
            <p className="mb-2 text-xs text-gray-500">
              Each dot is the lift, its bar the {interval}; the dashed line is no difference.
            </p>
            <ForestPlot metric={metric} intervalName={interval} />
          </div>
          <div className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold text-gray-900">Cumulative lift</h3>
            <p className="mb-2 text-xs text-gray-500">By day of first exposure, with the {interval} shaded.</p>
            <CumulativeLiftChart metric={metric} intervalName={interval} />
          </div>
        </div>
      </CardContent>
    </Card>
  );
}
