/** The q-quantile (0–1) of timings, by nearest rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
export const median = (values: number[]) => quantile(values, 0.5);
export const ms = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`;
