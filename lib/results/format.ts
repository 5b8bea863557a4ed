/** A relative lift as people read it: "+8.1 %", "−2.0 %", "0.0 %" (a true minus sign). */
export function formatLift(lift: number): string {
  const pct = Math.round(lift * 1000) / 10;
  if (pct === 0) return "0.0 %";
  return `${pct > 0 ? "+" : "\u2212"}${Math.abs(pct).toFixed(1)} %`;
}
