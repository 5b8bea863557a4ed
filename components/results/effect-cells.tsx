import { TableCell } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { formatLift } from "@/lib/results/format";
import type { ArmEffect, Engine } from "@/lib/results/types";
import { formatChance, formatInterval, formatPValue, formatRisk } from "./format-effect";
import { effectTone, toneCellClass, toneLabel } from "./tones";

/** The effect columns' headers for an engine, after Lift and its interval. */
export const statHeaders = (engine: Engine) =>
  engine === "bayesian" ? ["Chance to beat control", "Risk"] : ["p-value", "Adjusted p-value"];

/**
 * A treatment's lift, interval and engine columns (p-values, or chance to
 * beat the control and risk), coloured green or red when significant after
 * the correction; on the control's row, dashes.
 */
export function EffectCells({ effect, engine }: { effect: ArmEffect | null; engine: Engine }) {
  const stats = statHeaders(engine).length;
  if (!effect)
    return (
      <>
        <TableCell className="text-right text-gray-400">—</TableCell>
        <TableCell className="text-right text-gray-400">—</TableCell>
        {Array.from({ length: stats }, (_, i) => (
          <TableCell key={i} className="text-right text-gray-400">
            —
          </TableCell>
        ))}
      </>
    );
  if (!effect.computable)
    return (
      <>
        <TableCell data-testid="lift" className="text-xs text-gray-500" colSpan={2 + stats}>
          {effect.reason}
        </TableCell>
      </>
    );
  const tone = effectTone(effect);
  const toned = cn("text-right tabular-nums whitespace-nowrap", toneCellClass(tone));
  return (
    <>
      <TableCell data-testid="lift" data-tone={tone ?? "none"} className={toned}>
        {formatLift(effect.lift)}
        {tone && <span className="sr-only"> ({toneLabel(tone).toLowerCase()}, significant)</span>}
      </TableCell>
      <TableCell data-testid="interval" className={toned}>
        {formatInterval(effect.interval)}
      </TableCell>
      {engine === "bayesian" ? (
        <>
          <TableCell className={toned} data-testid="chance">
            {formatChance(effect.chanceToWin)}
          </TableCell>
          <TableCell
            className="text-right tabular-nums"
            title={
              effect.risk
                ? `Expected loss of choosing it: ${formatRisk(effect.risk.treatment)}; of keeping the control: ${formatRisk(effect.risk.control)}`
                : undefined
            }
          >
            {formatRisk(effect.risk?.treatment ?? null)}
          </TableCell>
        </>
      ) : (
        <>
          <TableCell className="text-right tabular-nums">{formatPValue(effect.pValue)}</TableCell>
          <TableCell className={toned}>{formatPValue(effect.adjustedPValue ?? effect.pValue)}</TableCell>
        </>
      )}
    </>
  );
}
