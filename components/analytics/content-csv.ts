import type { ContentRow } from "@/lib/analytics/content";
import type { CsvTable } from "@/components/results/csv-rows";

const COLUMNS = [
  "placementKey",
  "placementName",
  "experienceName",
  "variantName",
  "variantId",
  "impressions",
  "visitors",
  "clicks",
  "clickThroughRate",
  "orders",
  "conversionRate",
  "revenue",
  "revenuePerImpression",
] as const;

/** Content performance as CSV: one row per variant, rates as fractions. */
export function contentCsv(rows: readonly ContentRow[]): CsvTable {
  return [[...COLUMNS], ...rows.map((r) => COLUMNS.map((c) => r[c]))];
}
