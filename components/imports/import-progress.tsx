"use client";

import { useQuery } from "@tanstack/react-query";
import { loadImportProgress } from "@/lib/imports/actions";
import { formatInteger } from "@/lib/format";

/** A progress bar fed by the import job's counters while the file streams in. */
export function ImportProgress({
  workspaceId,
  since,
  expectedRows,
}: {
  workspaceId: string;
  since: string;
  expectedRows: number;
}) {
  const { data } = useQuery({
    queryKey: ["import-progress", workspaceId, since],
    queryFn: async () => {
      const result = await loadImportProgress({ workspaceId, since });
      return result.ok ? result.data : null;
    },
    refetchInterval: 500,
  });
  const done = (data?.importedRows ?? 0) + (data?.failedRows ?? 0);
  const percent = expectedRows > 0 ? Math.min(99, Math.floor((100 * done) / expectedRows)) : 0;
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded-full bg-gray-100"
      >
        <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-gray-600">
        {formatInteger(done)} of about {formatInteger(expectedRows)} rows processed ({percent}%)
      </p>
    </div>
  );
}
