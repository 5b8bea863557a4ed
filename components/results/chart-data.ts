import type { BanditSummary, MetricResult } from "@/lib/results/types";
import { effectTone, type EffectTone } from "./tones";

export type ForestPoint = {
  variationId: string;
  name: string;
  lift: number;
  low: number;
  high: number;
  /** The interval, as a range bar reads it. */
  range: [number, number];
  tone: EffectTone;
};

/** Each treatment's lift and interval on one metric (the control and effects that cannot be computed are left out). */
export function forestPoints(metric: MetricResult): ForestPoint[] {
  return metric.arms.flatMap((arm) => {
    const e = arm.effect;
    if (arm.isControl || !e?.computable) return [];
    const [low, high] = e.interval;
    if (![e.lift, low, high].every(Number.isFinite)) return [];
    return [
      {
        variationId: arm.variationId,
        name: arm.name,
        lift: e.lift,
        low,
        high,
        range: [low, high],
        tone: effectTone(e),
      },
    ];
  });
}

/**
 * A lift axis that holds every value and zero: its range and ticks on a
 * round step (1, 2, 2.5 or 5 × 10ⁿ), zero always one of them, so the "no
 * difference" line falls on a labelled tick.
 */
export function liftScale(values: readonly number[], count = 5): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const raw = (high - low || 0.02) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw - 1e-12) ?? 10) * power;
  // rounding keeps 0.1 + 0.2 from showing up as a tick of 0.30000000000000004
  const round = (x: number) => Number(x.toPrecision(10));
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => round((first + i) * step));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** A long axis label in at most `maxLines` lines of about `width` characters, cut with an ellipsis. */
export function labelLines(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines && lines.every((l) => l.length <= width)) return lines;
  const kept = lines.slice(0, maxLines).map((l) => (l.length > width ? l.slice(0, width) : l));
  const lastLine = kept[maxLines - 1] ?? kept[kept.length - 1]!;
  kept[kept.length - 1] = `${lastLine.slice(0, Math.max(0, width - 1)).trimEnd()}\u2026`;
  return kept;
}

export type CumulativeSeries = { variationId: string; name: string; index: number; liftKey: string; bandKey: string };
export type CumulativeRow = { day: string } & Record<string, number | [number, number] | null | string>;

/**
 * The cumulative lift per treatment and day, as chart rows: per treatment a
 * `lift<i>` number and a `band<i>` [low, high] pair (null on a day without an
 * estimate, so the line breaks there). `index` is the arm's position, for its colour.
 */
export function cumulativeSeries(metric: MetricResult): { series: CumulativeSeries[]; rows: CumulativeRow[] } {
  const series = metric.arms
    .map((arm, index) => ({ arm, index }))
    .filter(({ arm }) => !arm.isControl)
    .map(({ arm, index }) => ({
      variationId: arm.variationId,
      name: arm.name,
      index,
      liftKey: `lift${index}`,
      bandKey: `band${index}`,
    }));
  const rows = metric.cumulative.map((point) => {
    const row: CumulativeRow = { day: point.day };
    for (const s of series) {
      const v = point.byVariation[s.variationId];
      const ok = v && [v.lift, v.low, v.high].every(Number.isFinite);
      row[s.liftKey] = ok ? v.lift : null;
      row[s.bandKey] = ok ? [v.low, v.high] : null;
    }
    return row;
  });
  return { series, rows };
}

export type BanditRow = { at: string } & Record<string, number | string>;

/** The bandit's weights over time as chart rows, one `w<i>` share per variation (in the order given). */
export function banditRows(summary: BanditSummary, variationIds: readonly string[]): BanditRow[] {
  return summary.history.map((h) => {
    const row: BanditRow = { at: h.at };
    variationIds.forEach((id, i) => (row[`w${i}`] = h.weights[id] ?? 0));
    return row;
  });
}

/** The latest chance of being best per variation (null before the first update that computed them). */
export function latestChances(summary: BanditSummary): Record<string, number> | null {
  for (let i = summary.history.length - 1; i >= 0; i--) {
    const chances = summary.history[i]!.chances;
    if (chances) return chances;
  }
  return null;
}
