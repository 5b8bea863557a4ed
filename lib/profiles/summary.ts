import { DAY_MS } from "@/lib/time";

/** The figures a profile page derives from the computed columns. */
export type ProfileFigures = {
  /** Revenue per order; null without orders. */
  averageOrderValue: number | null;
  /** Whole days since the last order (0 the same day); null without orders. */
  daysSinceLastOrder: number | null;
};

/** Average order value and days since the last order, as of `now`. */
export function profileFigures(
  p: { orders: number; revenue: number; lastOrderAt: Date | null },
  now: Date,
): ProfileFigures {
  return {
    averageOrderValue: p.orders > 0 ? p.revenue / p.orders : null,
    daysSinceLastOrder: p.lastOrderAt
      ? Math.max(0, Math.floor((now.getTime() - p.lastOrderAt.getTime()) / DAY_MS))
      : null,
  };
}
