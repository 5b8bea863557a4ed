import { FIGURE_KEYS, type FigureKey } from "@/lib/analytics/figures";
import type { Overview } from "@/lib/analytics/overview";
import { cn } from "@/components/ui/cn";
import { FIGURE_HINTS, FIGURE_LABELS, formatChange, formatFigure } from "./figure-format";

/** The headline figures of the range, each with its change against the comparison period (green up, red down). */
export function FigureCards({ overview }: { overview: Overview }) {
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-4 xl:grid-cols-7">
      {FIGURE_KEYS.map((key: FigureKey) => {
        const change = overview.change[key];
        const text = formatChange(change);
        return (
          <div
            key={key}
            role="group"
            aria-label={FIGURE_LABELS[key]}
            data-testid={`figure-${key}`}
            className="rounded-lg border border-gray-200 bg-white px-4 py-3 shadow-xs"
          >
            <p className="text-xs font-medium text-gray-500">{FIGURE_LABELS[key]}</p>
            <p className="mt-1 text-2xl font-semibold tracking-tight text-gray-900 tabular-nums" data-testid="value">
              {formatFigure(key, overview.figures[key])}
            </p>
            <p className="mt-0.5 text-xs text-gray-500">
              {overview.comparison ? (
                <span
                  data-testid="change"
                  className={cn(
                    "font-medium",
                    change !== null && change > 0 && "text-emerald-700",
                    change !== null && change < 0 && "text-red-700",
                  )}
                  title={`${formatFigure(key, overview.comparison[key])} in the comparison period`}
                >
                  {text ?? "no comparison"}
                </span>
              ) : (
                FIGURE_HINTS[key]
              )}
            </p>
          </div>
        );
      })}
    </div>
  );
}
