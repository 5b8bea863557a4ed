import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatInteger } from "@/lib/format";

export type ImportOutcome = {
  id: string;
  status: string;
  totalRows: number;
  importedRows: number;
  failedRows: number;
  issues: { line: number; field: string; reason: string }[];
};

/** What an import did, and the first problems found (the whole report is a CSV download). */
export function ImportResult({ workspaceSlug, outcome }: { workspaceSlug: string; outcome: ImportOutcome }) {
  return (
    <section aria-label="Import result" className="space-y-3 border-t border-gray-100 pt-4">
      <p className="text-sm">
        <strong>{outcome.status === "completed" ? "Import finished" : "Import stopped"}:</strong>{" "}
        {formatInteger(outcome.importedRows)} of {formatInteger(outcome.totalRows)} rows imported,{" "}
        {formatInteger(outcome.failedRows)} with problems.
        {outcome.issues.length > 0 ? (
          <>
            {" "}
            <a
              className="font-medium text-indigo-700 hover:underline"
              href={`/w/${workspaceSlug}/settings/data/imports/${outcome.id}/report`}
              download
            >
              Download the report (CSV)
            </a>
          </>
        ) : null}
      </p>
      {outcome.issues.length > 0 ? (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Line</TableHead>
              <TableHead>Field</TableHead>
              <TableHead>Reason</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.issues.slice(0, 20).map((issue, i) => (
              <TableRow key={i}>
                <TableCell className="tabular-nums">{issue.line}</TableCell>
                <TableCell>{issue.field || "—"}</TableCell>
                <TableCell>{issue.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
