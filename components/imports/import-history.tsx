import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInteger } from "@/lib/format";

type Job = {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  totalRows: number;
  importedRows: number;
  failedRows: number;
  createdAt: Date;
  createdBy: { name: string } | null;
};
const TONE = { completed: "success", running: "accent", failed: "danger" } as const;

/** Past imports with their counts and a link to each validation report. */
export function ImportHistory({ workspaceSlug, jobs }: { workspaceSlug: string; jobs: Job[] }) {
  if (jobs.length === 0)
    return (
      <EmptyState
        title="No imports yet"
        description="Imported files appear here with how many rows were imported and a report of the rows that were not."
      />
    );
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>File</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Rows</TableHead>
          <TableHead className="text-right">Imported</TableHead>
          <TableHead className="text-right">With problems</TableHead>
          <TableHead>When</TableHead>
          <TableHead>
            <span className="sr-only">Report</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id}>
            <TableCell className="font-medium">{job.fileName}</TableCell>
            <TableCell>{job.kind}</TableCell>
            <TableCell>
              <Badge tone={TONE[job.status as keyof typeof TONE] ?? "neutral"}>{job.status}</Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(job.totalRows)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(job.importedRows)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(job.failedRows)}</TableCell>
            <TableCell className="whitespace-nowrap text-gray-500">
              {formatDateTime(job.createdAt)}
              {job.createdBy ? ` by ${job.createdBy.name}` : ""}
            </TableCell>
            <TableCell className="text-right">
              {job.failedRows > 0 || job.status === "failed" ? (
                <a
                  className="text-sm font-medium text-indigo-700 hover:underline"
                  href={`/w/${workspaceSlug}/settings/data/imports/${job.id}/report`}
                  download
                >
                  Report (CSV)
                </a>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
