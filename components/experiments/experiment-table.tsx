import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ExperimentListRow } from "@/lib/experiments/db/list-experiments";
import { formatDateTime, formatInteger } from "@/lib/format";
import { TYPE_LABELS } from "./labels";
import { ExperimentStatusBadge } from "./status-badge";

/** The workspace's experiments: name, type, status, variations, units and when each started. */
export function ExperimentTable({ experiments, base }: { experiments: ExperimentListRow[]; base: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Variations</TableHead>
          <TableHead className="text-right">Units</TableHead>
          <TableHead>Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {experiments.map((e) => (
          <TableRow key={e.id}>
            <TableCell className="font-medium">
              <Link className="text-gray-900 hover:text-indigo-600 hover:underline" href={`${base}/${e.id}`}>
                {e.name}
              </Link>
              <span className="ml-2 font-mono text-xs text-gray-500">{e.key}</span>
              {e.layerName && <span className="ml-2 text-xs text-gray-500">· layer {e.layerName}</span>}
            </TableCell>
            <TableCell>{TYPE_LABELS[e.type]}</TableCell>
            <TableCell>
              <ExperimentStatusBadge status={e.status} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{e.variations}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(e.units)}</TableCell>
            <TableCell className="text-gray-500">{e.startedAt ? formatDateTime(e.startedAt) : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
