"use client";

import { shortDate } from "./short-date";
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Point = { day: string; events: number; orders: number };

/** Events per day, with orders per day on their own (right) axis. */
export function DailyActivityChart({ data }: { data: Point[] }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={`Events per day over the last ${data.length} days`}>
      <ResponsiveContainer>
        <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id="events-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#6366f1" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#6366f1" stopOpacity={0} />
            </linearGradient>
          </defs>
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
            yAxisId="events"
            tick={{ fontSize: 12, fill: "#6b7280" }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <YAxis
            yAxisId="orders"
            orientation="right"
            tick={{ fontSize: 12, fill: "#10b981" }}
            tickLine={false}
            axisLine={false}
            width={40}
            allowDecimals={false}
          />
          <Legend verticalAlign="top" align="right" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
          <Tooltip labelFormatter={(label) => shortDate(String(label))} />
          <Area
            yAxisId="events"
            isAnimationActive={false}
            type="monotone"
            dataKey="events"
            name="Events"
            stroke="#6366f1"
            strokeWidth={2}
            fill="url(#events-fill)"
          />
          <Area
            yAxisId="orders"
            isAnimationActive={false}
            type="monotone"
            dataKey="orders"
            name="Orders (right axis)"
            stroke="#10b981"
            strokeWidth={2}
            fillOpacity={0}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
