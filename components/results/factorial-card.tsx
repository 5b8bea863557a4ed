"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { FactorialSummary, MetricResult } from "@/lib/results/types";
import { csvFileName, factorialCsv } from "./csv-rows";
import { DownloadCsvButton } from "./download-csv-button";
import { formatConfidence, formatDifference, formatPValue } from "./format-effect";
import { toneCellClass } from "./tones";

/**
 * A multivariate test's factors, and on its primary metric the main effect
 * of each factor's level and the two-way interactions, as absolute
 * differences of the mean (percentage points for a conversion rate).
 */
export function FactorialCard({
  factorial,
  kind,
  alpha,
  experimentKey,
}: {
  factorial: NonNullable<FactorialSummary>;
  kind: MetricResult["kind"] | undefined;
  alpha: number;
  experimentKey: string;
}) {
  const ci = `${formatConfidence(alpha)} CI`;
  return (
    <Card role="region" aria-label="Factors and interactions" data-testid="factorial-card">
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="min-w-0 flex-1 space-y-1">
          <CardTitle>Factors and interactions on {factorial.metric}</CardTitle>
          <CardDescription>
            A main effect is what a factor&apos;s level changes on average over the other factor&apos;s levels; an
            interaction is how much two levels together differ from the sum of their main effects.
          </CardDescription>
        </div>
        {factorial.effects.length > 0 && (
          <DownloadCsvButton
            fileName={csvFileName(experimentKey, "factorial-effects")}
            rows={() => factorialCsv(factorial, alpha)}
          />
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {factorial.factors.map((f) => (
            <li key={f.key}>
              <span className="font-medium text-gray-900">{f.name}:</span>{" "}
              <span className="text-gray-600">
                {f.levels.map((l, i) => (i === 0 ? `${l} (baseline)` : l)).join(", ")}
              </span>
            </li>
          ))}
        </ul>
        {factorial.effects.length === 0 ? (
          <p className="text-sm text-gray-500">Every cell needs units before the effects can be estimated.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Effect</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead className="text-right">Difference</TableHead>
                <TableHead className="text-right">{ci}</TableHead>
                <TableHead className="text-right">p-value</TableHead>
                <TableHead>Significant</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {factorial.effects.map((e) => {
                // A main effect is better or worse; an interaction only differs from additive, so it is not coloured.
                const better = factorial.lowerIsBetter ? e.effect < 0 : e.effect > 0;
                const tone = e.kind === "main" && e.significant ? (better ? "better" : "worse") : null;
                const toned = cn(
                  "text-right tabular-nums whitespace-nowrap",
                  toneCellClass(tone),
                  e.significant && "font-medium",
                );
                return (
                  <TableRow key={e.label} data-testid="factorial-row">
                    <TableCell className="font-medium text-gray-900">{e.label}</TableCell>
                    <TableCell>
                      <Badge tone={e.kind === "main" ? "neutral" : "accent"}>
                        {e.kind === "main" ? "Main effect" : "Interaction"}
                      </Badge>
                    </TableCell>
                    <TableCell className={toned}>{formatDifference(kind, e.effect)}</TableCell>
                    <TableCell className={toned}>
                      {formatDifference(kind, e.interval[0])} to {formatDifference(kind, e.interval[1])}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatPValue(e.pValue)}</TableCell>
                    <TableCell>{e.significant ? "Yes" : "No"}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
