"use client";

import { Button } from "@/components/ui/button";
import { toCsv, type CsvTable } from "./csv-rows";

/** Saves a table's rows as a CSV file, built in the browser (nothing is asked of the server). */
export function DownloadCsvButton({
  fileName,
  rows,
  label = "Download CSV",
}: {
  fileName: string;
  /** Built only when clicked. */
  rows: () => CsvTable;
  label?: string;
}) {
  return (
    <Button
      variant="secondary"
      size="sm"
      onClick={() => {
        // A byte-order mark, so that spreadsheets read the file as UTF-8.
        const blob = new Blob(["\uFEFF", toCsv(rows())], { type: "text/csv;charset=utf-8" });
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }}
    >
      {label}
    </Button>
  );
}
