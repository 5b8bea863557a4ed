import type { BreakdownRow } from "@/lib/analytics/breakdown";
import { FIGURE_KEYS } from "@/lib/analytics/figures";
import type { CsvTable } from "@/components/results/csv-rows";

/** A breakdown's table as CSV: the value, its label, and every figure unrounded. */
export function breakdownCsv(by: string, rows: readonly BreakdownRow[]): CsvTable {
  return [
    [by, "label", ...FIGURE_KEYS, "buyers"],
    ...rows.map((r) => [r.value, r.label, ...FIGURE_KEYS.map((k) => r.figures[k]), r.figures.buyers]),
  ];
}
