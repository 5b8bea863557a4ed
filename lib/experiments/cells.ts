import type { Factor } from "./schema";

/** One cell of a full-factorial design: a variation whose payload names the level of every factor. */
export type Cell = { key: string; name: string; levels: Record<string, string> };

/**
 * Every combination of the factors' levels (the full factorial), in order:
 * the first factor's levels vary slowest, and the first cell (every factor at
 * its first level) is the control. Keys join the level keys (`a1.b2`), names
 * the level names ("Headline: Short · Banner: Red").
 */
export function factorialCells(factors: readonly Factor[]): Cell[] {
  let cells: Cell[] = [{ key: "", name: "", levels: {} }];
  for (const factor of factors) {
    const next: Cell[] = [];
    for (const cell of cells)
      for (const level of factor.levels)
        next.push({
          key: cell.key ? `${cell.key}.${level.key}` : level.key,
          name: cell.name ? `${cell.name} · ${factor.name}: ${level.name}` : `${factor.name}: ${level.name}`,
          levels: { ...cell.levels, [factor.key]: level.key },
        });
    cells = next;
  }
  return cells;
}
