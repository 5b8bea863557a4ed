import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatInteger } from "@/lib/format";
import { UNDO_DAYS } from "@/lib/imports/journal";
import { UndoImportButton } from "./undo-import-button";

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
  mergedProfiles: number;
  undoneAt: Date | null;
};
const TONE = { completed: "success", running: "accent", failed: "danger", undone: "neutral" } as const;

/**
 * Past imports with their counts, a link to each validation report and, for editors, an Undo on those that can
 * be (completed, within 30 days, without merges; the action says why not for the others).
 */
export function ImportHistory({
  workspaceId,
  workspaceSlug,
  jobs,
  canEdit,
  now,
}: {
  workspaceId: string;
  workspaceSlug: string;
  jobs: Job[];
  canEdit: boolean;
  now: Date;
}) {
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
            <span className="sr-only">Undo and report</span>
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
            <TableCell className="text-right whitespace-nowrap">
              {canEdit &&
              job.status === "completed" &&
              !job.undoneAt &&
              job.mergedProfiles === 0 &&
              now.getTime() - job.createdAt.getTime() < UNDO_DAYS * 86_400_000 ? (
                <UndoImportButton workspaceId={workspaceId} job={job} />
              ) : null}
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
