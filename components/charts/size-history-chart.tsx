"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });

/** A segment's size each time it was computed. */
export function SizeHistoryChart({ data }: { data: { at: string; size: number }[] }) {
  return (
    <div className="h-56 w-full" role="img" aria-label={`Segment size over ${data.length} computations`}>
      <ResponsiveContainer>
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id="size-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#6366f1" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#6366f1" stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="#f3f4f6" vertical={false} />
          <XAxis
            dataKey="at"
            tickFormatter={when}
            tick={{ fontSize: 12, fill: "#6b7280" }}
            tickLine={false}
            axisLine={false}
            minTickGap={32}
          />
          <YAxis
            tick={{ fontSize: 12, fill: "#6b7280" }}
            tickLine={false}
            axisLine={false}
            width={48}
            allowDecimals={false}
          />
          <Tooltip
            labelFormatter={(label) => `${when(String(label))} UTC`}
            formatter={(v) => [Number(v).toLocaleString("en-US"), "Profiles"]}
          />
          <Area
            isAnimationActive={false}
            type="stepAfter"
            dataKey="size"
            stroke="#6366f1"
            strokeWidth={2}
            fill="url(#size-fill)"
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
