import { changeOf, FIGURE_KEYS, figuresOf, type FigureKey, type Figures, type PeriodCounts } from "./figures";
import { daysOf, type ResolvedRange } from "./range";

export type OverviewDay = {
  day: string;
  figures: Figures;
  /** The comparison period's day at the same position (the Nth day of each), when there is one. */
  comparisonDay: string | null;
  comparison: Figures | null;
};

export type Overview = {
  timeZone: string;
  range: ResolvedRange;
  figures: Figures;
  comparison: Figures | null;
  /** Each figure's relative change against the comparison period (null: none, or nothing to compare with). */
  change: Record<FigureKey, number | null>;
  daily: OverviewDay[];
  computedAt: string;
  /**
   * When the rollup the figures were read from last took in what had been committed (events received since
   * are not in them yet); null when they were read from the raw events (live, while the rollup is rebuilt).
   */
  rolledUpAt: string | null;
};

const ZERO: PeriodCounts = { visitors: 0, identified: 0, buyers: 0, orders: 0, revenue: 0 };

/** The overview from the counts of the range (and of its comparison period), every day present (zero when quiet). */
export function overviewOf(input: {
  timeZone: string;
  range: ResolvedRange;
  current: { total: PeriodCounts; daily: Map<string, PeriodCounts> };
  comparison: { total: PeriodCounts; daily: Map<string, PeriodCounts> } | null;
  now: Date;
  rolledUpAt?: Date | null;
}): Overview {
  const { range } = input;
  const figures = figuresOf(input.current.total);
  const comparison = input.comparison ? figuresOf(input.comparison.total) : null;
  const comparisonDays = range.comparison ? daysOf(range.comparison) : [];
  const change = Object.fromEntries(
    FIGURE_KEYS.map((k) => [k, comparison ? changeOf(figures[k], comparison[k]) : null]),
  ) as Record<FigureKey, number | null>;
  return {
    timeZone: input.timeZone,
    range,
    figures,
    comparison,
    change,
    daily: daysOf(range).map((day, i) => {
      const comparisonDay = comparisonDays[i] ?? null;
      return {
        day,
        figures: figuresOf(input.current.daily.get(day) ?? ZERO),
        comparisonDay,
        comparison:
          comparisonDay && input.comparison ? figuresOf(input.comparison.daily.get(comparisonDay) ?? ZERO) : null,
      };
    }),
    computedAt: input.now.toISOString(),
    rolledUpAt: input.rolledUpAt?.toISOString() ?? null,
  };
}
