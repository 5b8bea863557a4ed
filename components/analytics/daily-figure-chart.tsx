"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { FigureKey } from "@/lib/analytics/figures";
import type { Overview } from "@/lib/analytics/overview";
import { shortDate } from "@/components/charts/short-date";
import { FIGURE_LABELS, formatFigure } from "./figure-format";

/** One figure per day over the range, with the comparison period's day at the same position as a dashed line. */
export function DailyFigureChart({ overview, figure }: { overview: Overview; figure: FigureKey }) {
  const data = overview.daily.map((d) => ({
    day: d.day,
    comparisonDay: d.comparisonDay,
    current: d.figures[figure],
    comparison: d.comparison ? d.comparison[figure] : null,
  }));
  return (
    <div
      className="h-72 w-full"
      role="img"
      aria-label={`${FIGURE_LABELS[figure]} per day from ${overview.range.from} to ${overview.range.to}`}
    >
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#f3f4f6" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={shortDate}
            tick={{ fontSize: 12, fill: "#6b7280" }}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            tickFormatter={(v: number) => formatFigure(figure, v)}
            tick={{ fontSize: 12, fill: "#6b7280" }}
            tickLine={false}
            axisLine={false}
            width={72}
          />
          <Tooltip
            labelFormatter={(label, payload) => {
              const other = payload?.[0]?.payload?.comparisonDay as string | null | undefined;
              return other ? `${shortDate(String(label))} (vs ${shortDate(other)})` : shortDate(String(label));
            }}
            formatter={(value, name) => [
              formatFigure(figure, value === null || value === undefined ? null : Number(value)),
              name,
            ]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="current"
            name="This period"
            stroke="#6366f1"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          {overview.comparison && (
            <Line
              type="monotone"
              dataKey="comparison"
              name="Comparison period"
              stroke="#9ca3af"
              strokeDasharray="4 4"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
