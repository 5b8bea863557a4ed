import { csvLine } from "@/lib/csv/cell";
import type {
  BanditSummary,
  ExperimentResults,
  FactorialSummary,
  MetricResult,
  ResultsSettings,
} from "@/lib/results/types";
import { intervalLabel } from "./format-effect";
import { dimensionValueLabel } from "./labels";
import { effectTone, toneLabel } from "./tones";

export type CsvCellValue = string | number | null;
export type CsvTable = CsvCellValue[][];

/** A table as CSV text (RFC 4180 quoting, spreadsheet formulas defused by lib/csv). */
export const toCsv = (rows: CsvTable) => rows.map(csvLine).join("");

/** "home-hero-headline-purchase.csv": the experiment's key and the table's name, kept to safe characters. */
export function csvFileName(...parts: string[]): string {
  const slug = parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
  return `${slug || "results"}.csv`;
}

const effectHeaders = (settings: ResultsSettings) => {
  const interval = intervalLabel(settings);
  const tail =
    settings.engine === "bayesian"
      ? ["Chance to beat control", "Risk of choosing it", "Risk of keeping control"]
      : ["p-value", "Adjusted p-value"];
  return ["Lift", `Low (${interval})`, `High (${interval})`, ...tail, "Significant"];
};

function effectCells(arm: MetricResult["arms"][number], settings: ResultsSettings): CsvCellValue[] {
  const bayesian = settings.engine === "bayesian";
  const blanks = bayesian ? 3 : 2;
  const e = arm.effect;
  if (!e) return ["", "", "", ...Array<string>(blanks).fill(""), "Control"];
  if (!e.computable) return [e.reason, "", "", ...Array<string>(blanks).fill(""), ""];
  const tail = bayesian
    ? [e.chanceToWin, e.risk?.treatment ?? null, e.risk?.control ?? null]
    : [e.pValue, e.adjustedPValue];
  return [e.lift, e.interval[0], e.interval[1], ...tail, toneLabel(effectTone(e))];
}

/**
 * The rows of one metric's table: per variation its units, numerator,
 * denominator, value and (treatments) the effect as the engine reads it.
 * Numbers stay plain numbers (a lift of 8.1 % is 0.081) for spreadsheets.
 */
export function metricCsv(metric: MetricResult, settings: ResultsSettings): CsvTable {
  return [
    ["Metric", "Role", "Variation", "Key", "Units", "Numerator", "Denominator", "Value", ...effectHeaders(settings)],
    ...metric.arms.map((arm) => [
      metric.name,
      metric.role,
      arm.name,
      arm.key,
      arm.units,
      arm.numerator,
      arm.denominator,
      arm.value,
      ...effectCells(arm, settings),
    ]),
  ];
}

/** The dimension breakdown of the primary metric: one row per value and variation. */
export function dimensionCsv(
  dimension: NonNullable<ExperimentResults["dimension"]>,
  settings: ResultsSettings,
): CsvTable {
  return [
    [dimension.label, "Variation", "Key", "Units", "Value", ...effectHeaders(settings)],
    ...dimension.rows.flatMap((row) =>
      row.metric.arms.map((arm) => [
        dimensionValueLabel(dimension.key, row.value),
        arm.name,
        arm.key,
        arm.units,
        arm.value,
        ...effectCells(arm, settings),
      ]),
    ),
  ];
}

/** A multivariate test's main effects and interactions (absolute differences of the metric's mean). */
export function factorialCsv(factorial: NonNullable<FactorialSummary>, alpha: number): CsvTable {
  const ci = `${Math.round((1 - alpha) * 1000) / 10} % CI`;
  return [
    ["Metric", "Kind", "Effect", "Difference", `Low (${ci})`, `High (${ci})`, "p-value", "Significant"],
    ...factorial.effects.map((e) => [
      factorial.metric,
      e.kind,
      e.label,
      e.effect,
      e.interval[0],
      e.interval[1],
      e.pValue,
      e.significant ? "yes" : "no",
    ]),
  ];
}

/** A bandit's current weights, with each variation's latest chance of being best. */
export function banditWeightsCsv(
  summary: BanditSummary,
  variations: readonly { id: string; name: string; key: string }[],
  chances: Record<string, number> | null,
): CsvTable {
  return [
    ["Variation", "Key", "Weight", "Chance to be best"],
    ...variations.map((v) => [v.name, v.key, summary.weights[v.id] ?? 0, chances?.[v.id] ?? null]),
  ];
}

/** A bandit's weights at every update, one column per variation. */
export function banditHistoryCsv(
  summary: BanditSummary,
  variations: readonly { id: string; name: string }[],
): CsvTable {
  return [
    ["At", ...variations.map((v) => v.name)],
    ...summary.history.map((h) => [h.at, ...variations.map((v) => h.weights[v.id] ?? 0)]),
  ];
}
