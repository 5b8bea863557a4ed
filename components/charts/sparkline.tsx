/** A tiny trend line (no axes), drawn as SVG: the segment list's size history. */
export function Sparkline({
  values,
  label,
  width = 96,
  height = 24,
}: {
  values: number[];
  label: string;
  width?: number;
  height?: number;
}) {
  if (values.length < 2)
    return <span className="text-xs text-gray-400">{values.length === 1 ? "first computation" : "—"}</span>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values
    .map(
      (v, i) =>
        `${((i / (values.length - 1)) * (width - 2) + 1).toFixed(1)},${(height - 1 - ((v - min) / span) * (height - 2)).toFixed(1)}`,
    )
    .join(" ");
  const rising = values.at(-1)! >= values[0]!;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={label}
      className={rising ? "text-emerald-500" : "text-rose-500"}
    >
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
