"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { shortDate } from "@/components/charts/short-date";
import type { ExperimentStats } from "@/lib/experiments/db/get-experiment-stats";

const COLORS = [
  "#6b7280",
  "#6366f1",
  "#10b981",
  "#f59e0b",
  "#ef4444",
  "#8b5cf6",
  "#06b6d4",
  "#ec4899",
  "#84cc16",
  "#f97316",
];

/** Exposures per UTC day, one line per variation (the control grey), over the days that had any. */
export function ExposuresChart({
  daily,
  variations,
}: {
  daily: ExperimentStats["daily"];
  variations: { id: string; name: string }[];
}) {
  if (daily.length === 0)
    return <p className="text-sm text-gray-500">No exposures yet: the chart fills in once visitors see the test.</p>;
  const data = daily.map((d) => ({
    day: d.day,
    ...Object.fromEntries(variations.map((v) => [v.id, d.byVariation[v.id] ?? 0])),
  }));
  return (
    <div className="h-48 w-full" role="img" aria-label={`Exposures per day and variation over ${daily.length} days`}>
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
            tick={{ fontSize: 12, fill: "#6b7280" }}
            tickLine={false}
            axisLine={false}
            width={44}
            allowDecimals={false}
          />
          <Legend verticalAlign="top" align="right" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(label) => shortDate(String(label))} />
          {variations.map((v, i) => (
            <Line
              key={v.id}
              isAnimationActive={false}
              type="monotone"
              dataKey={v.id}
              name={v.name}
              stroke={COLORS[i % COLORS.length]}
              strokeWidth={2}
              dot={daily.length === 1}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
