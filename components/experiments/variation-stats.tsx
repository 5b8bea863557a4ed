"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { experimentStats } from "@/lib/experiments/actions";
import type { ExperimentStats } from "@/lib/experiments/db/get-experiment-stats";
import { formatInteger } from "@/lib/format";
import { ExposuresChart } from "./exposures-chart";
import { percent } from "./labels";

export const STATS_POLL_MS = 5_000;

type Variation = { id: string; key: string; name: string; weight: number; isControl: boolean };

const clock = (iso: string) => `${iso.slice(11, 19)} UTC`;

/**
 * Each variation's weight, units (this phase and all) and exposures, and the
 * exposures per day: read again every 5 seconds while the page is open.
 */
export function VariationStats({
  workspaceId,
  experimentId,
  variations,
  winnerVariationId,
  status,
  initial,
}: {
  workspaceId: string;
  experimentId: string;
  variations: Variation[];
  winnerVariationId: string | null;
  /** The status the page was rendered with: when another member changes it, the page is read again. */
  status: string;
  initial: ExperimentStats;
}) {
  const router = useRouter();
  const stats = useQuery({
    queryKey: ["experiment-stats", workspaceId, experimentId],
    queryFn: async () => {
      const result = await experimentStats({ workspaceId, experimentId });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: initial,
    refetchInterval: STATS_POLL_MS,
    staleTime: 0,
  });
  const data = stats.data;
  useEffect(() => {
    if (data.status !== status) router.refresh();
  }, [data.status, status, router]);
  const total = variations.reduce((s, v) => s + v.weight, 0);
  const byId = new Map(data.variations.map((v) => [v.id, v]));
  const sum = (pick: (v: ExperimentStats["variations"][number]) => number) =>
    data.variations.reduce((s, v) => s + pick(v), 0);
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2 space-y-0">
        <div className="space-y-1">
          <CardTitle>Variations</CardTitle>
          <CardDescription>Units are counted at their first exposure, one per unit and phase.</CardDescription>
        </div>
        <p className="text-xs text-gray-500" aria-live="polite" data-testid="stats-updated">
          {stats.isError ? (
            <span className="text-red-600">Could not refresh: {stats.error.message}</span>
          ) : (
            <>Live · last updated {clock(data.at)}</>
          )}
        </p>
      </CardHeader>
      <CardContent className="space-y-4">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Variation</TableHead>
              <TableHead className="text-right">Weight</TableHead>
              <TableHead className="text-right">Units, phase {data.phase || "—"}</TableHead>
              <TableHead className="text-right">Units, all phases</TableHead>
              <TableHead className="text-right">Exposures</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {variations.map((v) => {
              const s = byId.get(v.id);
              return (
                <TableRow key={v.id} data-testid="variation-row">
                  <TableCell>
                    <span className="font-medium text-gray-900">{v.name}</span>{" "}
                    <span className="font-mono text-xs text-gray-500">{v.key}</span>
                    {v.isControl && (
                      <Badge className="ml-2" tone="neutral">
                        Control
                      </Badge>
                    )}
                    {winnerVariationId === v.id && (
                      <Badge className="ml-2" tone="success">
                        Winner
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {total > 0 ? percent(v.weight / total) : "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums" data-testid="units-phase">
                    {formatInteger(s?.units ?? 0)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatInteger(s?.unitsAll ?? 0)}</TableCell>
                  <TableCell className="text-right tabular-nums" data-testid="exposures">
                    {formatInteger(s?.exposures ?? 0)}
                  </TableCell>
                </TableRow>
              );
            })}
            <TableRow className="bg-gray-50/60">
              <TableCell className="font-medium text-gray-700">Total</TableCell>
              <TableCell />
              <TableCell className="text-right font-medium tabular-nums">
                {formatInteger(sum((v) => v.units))}
              </TableCell>
              <TableCell className="text-right font-medium tabular-nums">
                {formatInteger(sum((v) => v.unitsAll))}
              </TableCell>
              <TableCell className="text-right font-medium tabular-nums">
                {formatInteger(sum((v) => v.exposures))}
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
        {data.holdoutExposures > 0 && (
          <p className="text-xs text-gray-500">
            Plus {formatInteger(data.holdoutExposures)} exposures of holdout visitors to this test&apos;s content
            (served the defaults).
          </p>
        )}
        <div>
          <h3 className="mb-1 text-sm font-semibold text-gray-900">Exposures per day</h3>
          <ExposuresChart daily={data.daily} variations={variations} />
        </div>
      </CardContent>
    </Card>
  );
}
