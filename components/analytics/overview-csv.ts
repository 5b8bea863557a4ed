import { FIGURE_KEYS } from "@/lib/analytics/figures";
import type { Overview } from "@/lib/analytics/overview";
import type { CsvTable } from "@/components/results/csv-rows";

/**
 * The overview's daily series as a table: one row per day of the range with every figure, then the comparison
 * period's day at the same position and its figures (empty without a comparison). Rates stay fractions and money
 * stays unrounded, so a spreadsheet can add them up.
 */
export function overviewCsv(overview: Overview): CsvTable {
  const header = [
    "day",
    ...FIGURE_KEYS,
    "buyers",
    "comparison_day",
    ...FIGURE_KEYS.map((k) => `comparison_${k}`),
    "comparison_buyers",
  ];
  return [
    header,
    ...overview.daily.map((d) => [
      d.day,
      ...FIGURE_KEYS.map((k) => d.figures[k]),
      d.figures.buyers,
      d.comparisonDay,
      ...FIGURE_KEYS.map((k) => (d.comparison ? d.comparison[k] : null)),
      d.comparison?.buyers ?? null,
    ]),
  ];
}
