import type { PersonalizationLift } from "@/lib/analytics/lift";
import type { CsvTable } from "@/components/results/csv-rows";

/** The lift table as CSV: each figure in the holdout and outside it, the relative lift, its interval and p-value. */
export function liftCsv(lift: PersonalizationLift): CsvTable {
  const row = (name: string, f: PersonalizationLift["conversionRate"]) => [
    name,
    f.holdout,
    f.personalized,
    f.lift?.effect ?? null,
    f.lift?.interval[0] ?? null,
    f.lift?.interval[1] ?? null,
    f.lift?.pValue ?? null,
  ];
  return [
    ["figure", "holdout", "personalized", "lift", "lift_low", "lift_high", "p_value"],
    ["units", lift.holdout.units, lift.personalized.units, null, null, null, null],
    row("conversion_rate", lift.conversionRate),
    row("revenue_per_visitor", lift.revenuePerVisitor),
  ];
}
