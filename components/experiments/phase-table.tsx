import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ExperimentDetail } from "@/lib/experiments/db/get-experiment-detail";
import { formatDateTime } from "@/lib/format";
import { percent } from "./labels";

const REASONS: Record<string, string> = {
  start: "Started",
  "re-randomized": "Re-randomized",
  resumed: "Resumed",
};

/** Why a phase began, in words ("weights, coverage" → "Weights and coverage changed"). */
function reasonText(reason: string): string {
  if (REASONS[reason]) return REASONS[reason];
  const parts = reason.split(/,\s*/);
  const joined = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]!;
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)} changed`;
}

/** The experiment's phases: each began when it started or when its weights, coverage, targeting or seed changed. */
export function PhaseTable({ detail }: { detail: ExperimentDetail }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Phases</CardTitle>
        <CardDescription>
          Results are read per phase: units of different phases entered under different settings.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {detail.phases.length === 0 ? (
          <p className="text-sm text-gray-500">Phase 1 begins when it starts.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Phase</TableHead>
                <TableHead>Began</TableHead>
                <TableHead>Ended</TableHead>
                <TableHead>Why</TableHead>
                <TableHead>Weights</TableHead>
                <TableHead className="text-right">Coverage</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {[...detail.phases].reverse().map((p) => {
                const total = p.weights.reduce((s, w) => s + w, 0);
                return (
                  <TableRow key={p.index} data-testid="phase-row">
                    <TableCell className="font-medium tabular-nums">{p.index}</TableCell>
                    <TableCell className="text-gray-600">{formatDateTime(p.startedAt)}</TableCell>
                    <TableCell className="text-gray-600">{p.endedAt ? formatDateTime(p.endedAt) : "Current"}</TableCell>
                    <TableCell>{reasonText(p.reason)}</TableCell>
                    <TableCell className="text-xs text-gray-600">
                      {p.weights
                        .map(
                          (w, i) =>
                            `${detail.variations[i]?.name ?? `#${i + 1}`} ${total > 0 ? percent(w / total) : "—"}`,
                        )
                        .join(" · ")}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{percent(p.coverage)}</TableCell>
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
