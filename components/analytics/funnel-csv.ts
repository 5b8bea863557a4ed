import type { LoadedFunnel } from "@/lib/analytics/db/load-funnel";
import type { FunnelInput } from "@/lib/analytics/funnel";
import type { CsvTable } from "@/components/results/csv-rows";

/** A funnel's table as CSV: one row per group and step, rates as fractions, times in seconds. */
export function funnelCsv(funnel: FunnelInput, loaded: LoadedFunnel): CsvTable {
  return [
    ["group", "step", "event", "visitors", "from_first", "from_previous", "drop_off", "median_seconds_from_previous"],
    ...loaded.groups.flatMap((g) =>
      g.steps.map((s, i) => [
        g.label,
        i + 1,
        funnel.steps[i]?.eventName ?? "",
        s.count,
        s.fromFirst,
        s.fromPrevious,
        s.dropOff,
        s.medianSeconds,
      ]),
    ),
  ];
}
