"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { shortDate } from "@/components/charts/short-date";
import { formatLift } from "@/lib/results/format";
import type { MetricResult } from "@/lib/results/types";
import { cumulativeSeries, liftScale } from "./chart-data";
import { formatAxisLift } from "./format-effect";
import { seriesColor } from "./tones";

const tick = { fontSize: 12, fill: "#6b7280" };

/**
 * The lift of each treatment over the days of first exposure so far, as it
 * would have read on that day, with its interval as a shaded band: a band
 * that narrows and settles away from zero is a result; one that swings is not yet.
 */
export function CumulativeLiftChart({ metric, intervalName }: { metric: MetricResult; intervalName: string }) {
  const { series, rows } = cumulativeSeries(metric);
  if (rows.length < 2 || series.length === 0)
    return <p className="text-sm text-gray-500">The cumulative lift is drawn once there are two days of data.</p>;
  const { domain, ticks } = liftScale(
    rows.flatMap((r) => series.flatMap((s) => (Array.isArray(r[s.bandKey]) ? (r[s.bandKey] as [number, number]) : []))),
  );
  return (
    <div
      className="h-64 w-full"
      role="img"
      aria-label={`Cumulative lift on ${metric.name} over ${rows.length} days, with the ${intervalName} as a band`}
      data-testid="cumulative-chart"
    >
      <ResponsiveContainer>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#f3f4f6" vertical={false} />
          <XAxis
            dataKey="day"
            tickFormatter={shortDate}
            tick={tick}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            domain={domain}
            ticks={ticks}
            tickFormatter={formatAxisLift}
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={72}
          />
          <ReferenceLine y={0} stroke="#374151" strokeDasharray="4 3" />
          <Legend
            verticalAlign="top"
            align="right"
            iconType="plainline"
            wrapperStyle={{ fontSize: 12, paddingBottom: 8 }}
          />
          <Tooltip
            labelFormatter={(label) => shortDate(String(label))}
            formatter={(value, name) => [
              Array.isArray(value)
                ? `${formatLift(Number(value[0]))} to ${formatLift(Number(value[1]))}`
                : formatLift(Number(value)),
              name,
            ]}
          />
          {series.map((s) => (
            <Area
              key={s.bandKey}
              dataKey={s.bandKey}
              name={`${s.name} (${intervalName})`}
              legendType="none"
              stroke="none"
              fill={seriesColor(s.index)}
              fillOpacity={0.15}
              isAnimationActive={false}
              connectNulls={false}
              activeDot={false}
            />
          ))}
          {series.map((s) => (
            <Line
              key={s.liftKey}
              dataKey={s.liftKey}
              name={s.name}
              stroke={seriesColor(s.index)}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
