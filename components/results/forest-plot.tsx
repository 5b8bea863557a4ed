"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { formatLift } from "@/lib/results/format";
import type { MetricResult } from "@/lib/results/types";
import { forestPoints, labelLines, liftScale, type ForestPoint } from "./chart-data";
import { formatAxisLift, formatInterval } from "./format-effect";
import { toneColor, toneLabel } from "./tones";

const tick = { fontSize: 12, fill: "#6b7280" };

/** One treatment's interval as a whisker with caps and its lift as a dot (drawn over the range bar's box). */
function IntervalShape(props: BarShapeProps) {
  const point = props.payload as ForestPoint | undefined;
  if (!point) return null;
  const left = Math.min(props.x, props.x + props.width);
  const width = Math.abs(props.width);
  const y = props.y + props.height / 2;
  const span = point.high - point.low;
  const cx = span > 0 ? left + (width * (point.lift - point.low)) / span : left;
  const color = toneColor(point.tone);
  return (
    <g>
      <line x1={left} x2={left + width} y1={y} y2={y} stroke={color} strokeWidth={3} strokeLinecap="round" />
      <line x1={left} x2={left} y1={y - 6} y2={y + 6} stroke={color} strokeWidth={2} />
      <line x1={left + width} x2={left + width} y1={y - 6} y2={y + 6} stroke={color} strokeWidth={2} />
      <circle cx={cx} cy={y} r={5.5} fill="#fff" stroke={color} strokeWidth={2.5} />
    </g>
  );
}

const LABEL_WIDTH = 200;

/** A variation's name beside its row, in up to two lines (the full name in its tooltip). */
function NameTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const name = String(payload?.value ?? "");
  const lines = labelLines(name, 26, 2);
  return (
    <text x={Number(x) - 8} y={Number(y)} textAnchor="end" fontSize={12} fill="#374151">
      <title>{name}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x) - 8} dy={i === 0 ? (lines.length === 1 ? 4 : -3) : 14}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function ForestTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const point = active ? (payload?.[0]?.payload as ForestPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="rounded-md border border-gray-200 bg-white px-2.5 py-1.5 text-xs shadow-md">
      <p className="font-medium text-gray-900">{point.name}</p>
      <p className="text-gray-700">
        {formatLift(point.lift)} ({formatInterval([point.low, point.high])})
      </p>
      <p className="text-gray-500">{toneLabel(point.tone)}</p>
    </div>
  );
}

/**
 * The forest plot of a metric: per treatment its lift over the control with
 * the interval, against a line at zero (no difference). Green or red when
 * significant after the correction.
 */
export function ForestPlot({ metric, intervalName }: { metric: MetricResult; intervalName: string }) {
  const points = forestPoints(metric);
  if (points.length === 0)
    return (
      <p className="text-sm text-gray-500">
        No lift to plot yet: every treatment needs units and a control to compare with.
      </p>
    );
  const { domain, ticks } = liftScale(points.flatMap((p) => [p.low, p.high]));
  const summary = points.map((p) => `${p.name} ${formatLift(p.lift)} (${formatInterval(p.range)})`).join("; ");
  return (
    <div
      className="w-full"
      style={{ height: 48 + points.length * 48 }}
      role="img"
      aria-label={`Forest plot of the lift on ${metric.name}, ${intervalName}: ${summary}`}
      data-testid="forest-plot"
    >
      <ResponsiveContainer>
        <BarChart data={points} layout="vertical" margin={{ top: 8, right: 16, bottom: 4, left: 0 }} barCategoryGap={8}>
          <CartesianGrid stroke="#f3f4f6" horizontal={false} />
          <XAxis
            type="number"
            domain={domain}
            tickFormatter={formatAxisLift}
            tick={tick}
            tickLine={false}
            axisLine={false}
            ticks={ticks}
          />
          <YAxis type="category" dataKey="name" tick={NameTick} tickLine={false} axisLine={false} width={LABEL_WIDTH} />
          <ReferenceLine x={0} stroke="#374151" strokeDasharray="4 3" />
          <Tooltip cursor={{ fill: "#f9fafb" }} content={ForestTooltip} />
          <Bar dataKey="range" isAnimationActive={false} shape={IntervalShape} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
